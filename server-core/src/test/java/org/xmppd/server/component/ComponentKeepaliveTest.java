package org.xmppd.server.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xmppd.codec.Element;
import org.xmppd.server.TestServer;
import org.xmppd.server.config.ComponentsConfig;
import org.xmppd.server.config.LimitsConfig;

/**
 * A silent component is pinged at half the idle time; one that does not answer is closed with
 * {@code connection-timeout}, which frees its domain, while one that answers stays.
 */
class ComponentKeepaliveTest {
    @RegisterExtension
    static final TestServer SERVER = new TestServer(config -> {
        LimitsConfig d = config.limits();
        return config.withLimits(new LimitsConfig(d.maxStanzaBytes(), d.maxDepth(), 2, 1,
                d.authFailuresBeforeDelay(), d.authDelayMaxSeconds(), d.scramIterations(), d.handshakeTimeoutSeconds()))
                .withComponents(ComponentsConfig.defaults().withDomains(Map.of("mute.localhost", "a", "chatty.localhost", "b")));
    });

    @Test
    void anUnansweredPingEndsTheStream() throws Exception {
        try (ComponentClient mute = ComponentClient.login(SERVER.componentAddress(), "mute.localhost", "a")) {
            Element ping = mute.next(e -> e.is("iq", ComponentClient.NS));
            assertEquals("mute.localhost", ping.attributeOrNull("to"));
            assertEquals("localhost", ping.attributeOrNull("from"));
            assertEquals("connection-timeout", mute.awaitStreamError());
        }
        try (ComponentClient again = ComponentClient.login(SERVER.componentAddress(), "mute.localhost", "a")) {
            assertFalse(again.isClosed(), "the domain is free again");
        }
    }

    @Test
    void anAnsweringComponentStays() throws Exception {
        try (ComponentClient chatty = ComponentClient.login(SERVER.componentAddress(), "chatty.localhost", "b")) {
            chatty.respondWith(e -> "get".equals(e.attributeOrNull("type")) ? Element.builder("iq", ComponentClient.NS)
                    .attribute("type", "result").attribute("id", e.attributeOrNull("id"))
                    .attribute("from", e.attributeOrNull("to")).attribute("to", e.attributeOrNull("from")).build() : null);
            for (int i = 0; i < 3; i++) {
                chatty.next(e -> e.is("iq", ComponentClient.NS)); // about one per second, each answered
            }
            assertFalse(chatty.isClosed(), "still connected after three pings");
        }
    }
}
