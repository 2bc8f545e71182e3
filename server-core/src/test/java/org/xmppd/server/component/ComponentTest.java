package org.xmppd.server.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.codec.Element;
import org.xmppd.server.TestServer;
import org.xmppd.server.config.ComponentsConfig;

/**
 * XEP-0114 through the wire: a raw component authenticates and exchanges messages and IQs with
 * Smack users and the server; bad handshakes, unknown domains, foreign senders and absent
 * components get their errors.
 */
class ComponentTest {
    private static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";

    @RegisterExtension
    static final TestServer SERVER = new TestServer(config -> config.withComponents(ComponentsConfig.defaults()
            .withDomains(Map.of("gw.localhost", "s3cret", "solo.localhost", "other", "absent.localhost", "x",
                    "bye.localhost", "y"))));

    @BeforeAll
    static void accounts() throws Exception {
        SERVER.createUser("ann", "pw");
    }

    private static XMPPTCPConnection ann() throws Exception {
        return SERVER.login("ann", "pw", "SCRAM-SHA-1");
    }

    private static ComponentClient login(String domain, String secret) throws Exception {
        return ComponentClient.login(SERVER.componentAddress(), domain, secret);
    }

    private static BlockingQueue<Message> inbox(XMPPTCPConnection connection) {
        BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
        connection.addAsyncStanzaListener(s -> inbox.add((Message) s), s -> s instanceof Message);
        return inbox;
    }

    private static StanzaError.Condition discoError(XMPPTCPConnection connection, String domain) {
        return assertThrows(XMPPErrorException.class, () -> ServiceDiscoveryManager.getInstanceFor(connection)
                .discoverInfo(JidCreate.domainBareFrom(domain))).getStanzaError().getCondition();
    }

    /** Answers disco#info with a gateway identity and echoes chat messages back to their sender. */
    private static Element gateway(Element stanza) {
        String from = stanza.attributeOrNull("to");
        String to = stanza.attributeOrNull("from");
        if (stanza.is("iq", ComponentClient.NS) && "get".equals(stanza.attributeOrNull("type"))
                && stanza.childOrNull("query", DISCO_INFO) != null) {
            return Element.builder("iq", ComponentClient.NS).attribute("type", "result").attribute("from", from)
                    .attribute("to", to).attribute("id", stanza.attributeOrNull("id"))
                    .child(Element.builder("query", DISCO_INFO).child(Element.builder("identity", DISCO_INFO)
                            .attribute("category", "gateway").attribute("type", "irc").build()).build())
                    .build();
        }
        if (stanza.is("message", ComponentClient.NS) && stanza.childOrNull("body", ComponentClient.NS) != null) {
            return Element.builder("message", ComponentClient.NS).attribute("type", "chat").attribute("from", from)
                    .attribute("to", to).textChild("body", ComponentClient.NS,
                            "echo: " + stanza.childOrNull("body", ComponentClient.NS).text()).build();
        }
        return null;
    }

    @Test
    void usersAndTheComponentExchangeMessagesAndIqs() throws Exception {
        XMPPTCPConnection ann = ann();
        try (ComponentClient gw = login("gw.localhost", "s3cret")) {
            gw.respondWith(ComponentTest::gateway);
            BlockingQueue<Message> inbox = inbox(ann);
            ann.sendStanza(MessageBuilder.buildMessage().to(JidCreate.from("bot@gw.localhost")).ofType(Message.Type.chat)
                    .setBody("hello bot").build());
            Element atComponent = gw.next(e -> e.is("message", ComponentClient.NS));
            assertEquals(ann.getUser().toString(), atComponent.attributeOrNull("from"), "stamped by the server");
            assertEquals("hello bot", atComponent.childOrNull("body", ComponentClient.NS).text(),
                    "children inherit the component namespace");
            Message echo = inbox.poll(5, TimeUnit.SECONDS);
            assertNotNull(echo, "the component's answer reached the user");
            assertEquals("echo: hello bot", echo.getBody());
            assertEquals("bot@gw.localhost", echo.getFrom().toString());

            DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(ann)
                    .discoverInfo(JidCreate.domainBareFrom("gw.localhost"));
            assertTrue(info.hasIdentity("gateway", "irc"), info.toXML().toString());

            // The component asks the user's client, and the server itself.
            PingManager.getInstanceFor(ann);
            gw.send("<iq type='get' id='p1' from='gw.localhost' to='" + ann.getUser() + "'><ping xmlns='urn:xmpp:ping'/></iq>");
            Element pong = gw.next(e -> "p1".equals(e.attributeOrNull("id")));
            assertEquals("result", pong.attributeOrNull("type"));
            assertEquals(ann.getUser().toString(), pong.attributeOrNull("from"));
            gw.send("<iq type='get' id='d1' from='gw.localhost' to='localhost'><query xmlns='" + DISCO_INFO + "'/></iq>");
            Element serverInfo = gw.next(e -> "d1".equals(e.attributeOrNull("id")));
            assertEquals("result", serverInfo.attributeOrNull("type"));
            assertTrue(serverInfo.toXml().contains("category=\"server\""), serverInfo.toXml());
        } finally {
            ann.disconnect();
        }
    }

    @Test
    void aSubdomainComponentIsListedInTheServersItems() throws Exception {
        XMPPTCPConnection ann = ann();
        try {
            var items = ServiceDiscoveryManager.getInstanceFor(ann).discoverItems(JidCreate.domainBareFrom("localhost"));
            assertTrue(items.getItems().stream().anyMatch(i -> i.getEntityID().toString().equals("gw.localhost")),
                    items.toXML().toString());
        } finally {
            ann.disconnect();
        }
    }

    @Test
    void aWrongSecretIsNotAuthorized() throws Exception {
        try (ComponentClient client = ComponentClient.connect(SERVER.componentAddress())) {
            String id = client.open("gw.localhost");
            assertEquals("gw.localhost", client.header().attributeOrNull("from"));
            client.send("<handshake>" + Handshake.expected(id, "wrong") + "</handshake>");
            assertEquals("not-authorized", client.awaitStreamError());
        }
    }

    @Test
    void anUnconfiguredDomainIsHostUnknown() throws Exception {
        try (ComponentClient client = ComponentClient.connect(SERVER.componentAddress())) {
            client.open("nobody.localhost");
            assertEquals("host-unknown", client.awaitStreamError());
        }
    }

    @Test
    void aClientNamespaceIsInvalid() throws Exception {
        try (ComponentClient client = ComponentClient.connect(SERVER.componentAddress())) {
            client.send("<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' "
                    + "to='gw.localhost'>");
            assertEquals("invalid-namespace", client.awaitStreamError());
        }
    }

    @Test
    void stanzasBeforeTheHandshakeAreNotAuthorized() throws Exception {
        try (ComponentClient client = ComponentClient.connect(SERVER.componentAddress())) {
            client.open("gw.localhost");
            client.send("<message from='gw.localhost' to='ann@localhost'><body>sneaky</body></message>");
            assertEquals("not-authorized", client.awaitStreamError());
        }
    }

    /** Prosody's rule: the connected component stays, the newcomer is refused. */
    @Test
    void aSecondConnectionForTheDomainIsAConflict() throws Exception {
        try (ComponentClient first = login("solo.localhost", "other");
                ComponentClient second = ComponentClient.connect(SERVER.componentAddress())) {
            String id = second.open("solo.localhost");
            second.send("<handshake>" + Handshake.expected(id, "other") + "</handshake>");
            assertEquals("conflict", second.awaitStreamError());
            first.send("<iq type='get' id='still' from='solo.localhost' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
            assertEquals("result", first.next(e -> "still".equals(e.attributeOrNull("id"))).attributeOrNull("type"));
        }
    }

    @Test
    void aSenderOutsideTheDomainIsAnInvalidFrom() throws Exception {
        try (ComponentClient gw = login("gw.localhost", "s3cret")) {
            gw.send("<message from='ann@localhost' to='ann@localhost'><body>forged</body></message>");
            assertEquals("invalid-from", gw.awaitStreamError());
        }
        try (ComponentClient gw = login("gw.localhost", "s3cret")) {
            gw.send("<message from='bot@gw.localhost'><body>to nobody</body></message>");
            assertEquals("improper-addressing", gw.awaitStreamError());
        }
    }

    @Test
    void anAbsentComponentIsServiceUnavailable() throws Exception {
        XMPPTCPConnection ann = ann();
        try {
            BlockingQueue<Message> inbox = inbox(ann);
            ann.sendStanza(MessageBuilder.buildMessage().to(JidCreate.from("x@absent.localhost")).setBody("anyone?").build());
            Message bounce = inbox.poll(5, TimeUnit.SECONDS);
            assertNotNull(bounce, "the message bounced");
            assertEquals(StanzaError.Condition.service_unavailable, bounce.getError().getCondition());
            assertEquals(StanzaError.Type.WAIT, bounce.getError().getType(), "the component may come back");
            assertEquals(StanzaError.Condition.service_unavailable, discoError(ann, "absent.localhost"));
        } finally {
            ann.disconnect();
        }
    }

    /** A component that closes its stream frees its domain: stanzas bounce, and it may connect again. */
    @Test
    void aDisconnectedComponentFreesItsDomain() throws Exception {
        XMPPTCPConnection ann = ann();
        try {
            ComponentClient bye = login("bye.localhost", "y");
            bye.send("</stream:stream>");
            assertNull(bye.awaitStreamError(), "closed without an error");
            bye.close();
            assertEquals(StanzaError.Condition.service_unavailable, discoError(ann, "bye.localhost"));
            try (ComponentClient again = login("bye.localhost", "y")) {
                again.respondWith(ComponentTest::gateway);
                assertTrue(ServiceDiscoveryManager.getInstanceFor(ann)
                        .discoverInfo(JidCreate.domainBareFrom("bye.localhost")).hasIdentity("gateway", "irc"));
            }
        } finally {
            ann.disconnect();
        }
    }
}
