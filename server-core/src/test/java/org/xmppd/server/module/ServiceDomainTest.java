package org.xmppd.server.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.server.TestServer;
import org.xmppd.server.config.ServerConfig;

/** Services hosted by modules at their own domain get their stanzas and show in disco#items. */
class ServiceDomainTest {
    @RegisterExtension
    static final TestServer SERVER = new TestServer(config -> {
        List<String> modules = new ArrayList<>(ServerConfig.DEFAULT_MODULES);
        modules.add("test-echo");
        return config.withModules(modules);
    });

    @Test
    void stanzasToTheServiceDomainReachItsHandler() throws Exception {
        SERVER.createUser("carol", "secret");
        XMPPTCPConnection carol = SERVER.login("carol", "secret", "SCRAM-SHA-1");
        try {
            BlockingQueue<Message> inbox = new ArrayBlockingQueue<>(10);
            carol.addAsyncStanzaListener(s -> inbox.add((Message) s), s -> s instanceof Message);
            carol.sendStanza(MessageBuilder.buildMessage().to(JidCreate.from("room@echo.localhost/nick"))
                    .setBody("ping?").build());
            Message echoed = inbox.poll(10, TimeUnit.SECONDS);
            assertEquals("ping?", echoed.getBody());
            assertEquals("room@echo.localhost/nick", echoed.getFrom().toString());

            XMPPErrorException refused = assertThrows(XMPPErrorException.class,
                    () -> ServiceDiscoveryManager.getInstanceFor(carol).discoverInfo(JidCreate.domainBareFrom("echo.localhost")));
            assertEquals(StanzaError.Condition.feature_not_implemented, refused.getStanzaError().getCondition());

            DiscoverItems items = ServiceDiscoveryManager.getInstanceFor(carol)
                    .discoverItems(JidCreate.domainBareFrom("localhost"));
            assertTrue(items.getItems().stream().anyMatch(i -> i.getEntityID().toString().equals("echo.localhost")
                    && "Echo".equals(i.getName())), "echo service listed");
        } finally {
            carol.disconnect();
        }
    }
}
