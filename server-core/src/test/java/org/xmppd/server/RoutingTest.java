package org.xmppd.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.StanzaIdFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.PresenceBuilder;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/** RFC 6120 §10 and RFC 6121 §8 routing, end to end with Smack clients. */
class RoutingTest {
    /** The router alone, without offline storage (tested in modules.offline), so §8.5.2.2.1 bounces. */
    @RegisterExtension
    static final TestServer SERVER = new TestServer(c -> c.withModules(List.of("disco", "ping", "version", "time")));
    private static final long WAIT_MS = 5000;
    private static final AtomicInteger IDS = new AtomicInteger();

    static final Map<XMPPTCPConnection, BlockingQueue<Message>> INBOXES = new ConcurrentHashMap<>();
    static final List<XMPPTCPConnection> OPEN = new ArrayList<>();
    static EntityBareJid bob;
    static EntityBareJid carol;
    static XMPPTCPConnection alice;
    /** bob's resources: priority 5, 1 and -1. */
    static XMPPTCPConnection bobHigh;
    static XMPPTCPConnection bobLow;
    static XMPPTCPConnection bobNegative;
    /** carol's only resource has a negative priority. */
    static XMPPTCPConnection carolNegative;

    @BeforeAll
    static void connect() throws Exception {
        SERVER.createUser("alice", "a-pass");
        bob = SERVER.createUser("bob", "b-pass");
        carol = SERVER.createUser("carol", "c-pass");
        SERVER.createUser("dave", "d-pass");
        alice = connect("alice", "a-pass", "desk", 0);
        bobHigh = connect("bob", "b-pass", "high", 5);
        bobLow = connect("bob", "b-pass", "low", 1);
        bobNegative = connect("bob", "b-pass", "negative", -1);
        carolNegative = connect("carol", "c-pass", "negative", -1);
    }

    @AfterAll
    static void disconnect() {
        OPEN.forEach(XMPPTCPConnection::disconnect);
    }

    @BeforeEach
    void clearInboxes() {
        INBOXES.values().forEach(BlockingQueue::clear);
    }

    /**
     * Logs in over STARTTLS with {@code resource} and announces presence with {@code priority}; a
     * ping round-trip afterwards proves the server has processed the presence (per-session order).
     */
    static XMPPTCPConnection connect(String user, String password, String resource, int priority)
            throws Exception {
        XMPPTCPConnection connection = new XMPPTCPConnection(SERVER.starttls(user, password)
                .setResource(resource).setSendPresence(false).addEnabledSaslMechanism("PLAIN").build());
        connection.connect().login();
        OPEN.add(connection);
        BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
        connection.addAsyncStanzaListener(s -> inbox.add((Message) s),
                s -> s instanceof Message m && m.getBody() != null && m.getType() != Message.Type.error);
        INBOXES.put(connection, inbox);
        connection.sendStanza(PresenceBuilder.buildPresence().ofType(Presence.Type.available)
                .setPriority(priority).build());
        assertTrue(PingManager.getInstanceFor(connection).pingMyServer());
        return connection;
    }

    @Test
    void messageToFullJidReachesThatResourceOnly() throws Exception {
        send(alice, bobLow.getUser(), Message.Type.chat, "to low");
        Message received = next(bobLow);
        assertEquals("to low", received.getBody());
        assertEquals(alice.getUser(), received.getFrom());
        assertNothingBefore(bobHigh, bobNegative);
    }

    /** RFC 6121 §8.5.2.1.1: the highest non-negative priority wins. */
    @Test
    void messageToBareJidGoesToHighestPriority() throws Exception {
        send(alice, bob, Message.Type.chat, "to bare");
        assertEquals("to bare", next(bobHigh).getBody());
        assertNothingBefore(bobLow, bobNegative);
    }

    /** RFC 6121 §8.5.2.1.1: resources sharing the highest priority all get it. */
    @Test
    void messageToBareJidGoesToAllResourcesOfTheHighestPriority() throws Exception {
        XMPPTCPConnection bobAlsoHigh = connect("bob", "b-pass", "also-high", 5);
        try {
            send(alice, bob, Message.Type.normal, "to both");
            assertEquals("to both", next(bobHigh).getBody());
            assertEquals("to both", next(bobAlsoHigh).getBody());
            assertNothingBefore(bobLow, bobNegative);
        } finally {
            bobAlsoHigh.disconnect();
            OPEN.remove(bobAlsoHigh);
        }
    }

    /** RFC 6121 §8.5.2.1.2: a headline goes to every non-negative resource. */
    @Test
    void headlineToBareJidGoesToEveryNonNegativeResource() throws Exception {
        send(alice, bob, Message.Type.headline, "news");
        assertEquals("news", next(bobHigh).getBody());
        assertEquals("news", next(bobLow).getBody());
        assertNothingBefore(bobNegative);
    }

    /**
     * RFC 6121 §8.5.2.1.1: a negative-priority resource never gets messages to the bare JID
     * (whether the message is then bounced or stored offline is §8.5.2.2.1 policy).
     */
    @Test
    void onlyNegativePriorityResourcesGetNothingByBareJid() throws Exception {
        send(alice, carol, Message.Type.chat, "hidden");
        send(alice, carol, Message.Type.headline, "hidden headline");
        assertNothingBefore(carolNegative);
    }

    /** RFC 6121 §8.5.1: no such user. */
    @Test
    void messageToUnknownUserIsServiceUnavailable() throws Exception {
        Stanza reply = sendAndAwaitReply(alice, message(jid("nobody@localhost"), Message.Type.chat, "hello?"));
        assertError(StanzaError.Condition.service_unavailable, reply);
        assertEquals(jid("nobody@localhost"), reply.getFrom());
    }

    /**
     * RFC 6120 §8.3.1: an error is never answered with an error. The probe sent after it is
     * bounced, so its error arriving first proves the first one got none.
     */
    @Test
    void errorsAreNotBounced() throws Exception {
        Jid nobody = jid("nobody@localhost");
        try (StanzaCollector bounces = alice.createStanzaCollector(new AndFilter(
                FromMatchesFilter.createBare(nobody), StanzaTypeFilter.MESSAGE))) {
            alice.sendStanza(MessageBuilder.buildMessage("not-bounced").to(nobody).ofType(Message.Type.error)
                    .setBody("x").build());
            Message probe = message(nobody, Message.Type.chat, "probe");
            alice.sendStanza(probe);
            Stanza first = bounces.nextResult(WAIT_MS);
            assertNotNull(first);
            assertEquals(probe.getStanzaId(), first.getStanzaId());
        }
    }

    /** RFC 6121 §8.5.3.2.1: a chat message to an absent resource is handled like one to the bare JID. */
    @Test
    void chatToUnknownResourceGoesToTheAccount() throws Exception {
        send(alice, jid("bob@localhost/gone"), Message.Type.chat, "where are you");
        Message received = next(bobHigh);
        assertEquals("where are you", received.getBody());
        assertEquals(alice.getUser(), received.getFrom());
        assertNothingBefore(bobLow, bobNegative);
    }

    /** RFC 6121 §8.5.3.2.1: a groupchat message to an absent resource bounces. */
    @Test
    void groupchatToUnknownResourceIsServiceUnavailable() throws Exception {
        Stanza reply = sendAndAwaitReply(alice, message(jid("bob@localhost/gone"), Message.Type.groupchat, "gc"));
        assertError(StanzaError.Condition.service_unavailable, reply);
        assertNothingBefore(bobHigh, bobLow, bobNegative);
    }

    /** RFC 6120 §8.3.3.19: nothing on the server handles this namespace. */
    @Test
    void iqWithUnknownNamespaceToServerIsServiceUnavailable() throws Exception {
        assertIqError(StanzaError.Condition.service_unavailable, new UnknownIq(jid("localhost")));
    }

    /** RFC 6121 §8.5.1: the server answers IQs to a bare JID on the account's behalf. */
    @Test
    void iqWithUnknownPayloadToAnotherBareJidIsServiceUnavailable() throws Exception {
        assertIqError(StanzaError.Condition.service_unavailable, new UnknownIq(bob));
        assertNothingBefore(bobHigh, bobLow);
    }

    /** RFC 6121 §8.5.3.2.3: no such resource. */
    @Test
    void iqToAbsentResourceIsServiceUnavailable() throws Exception {
        assertIqError(StanzaError.Condition.service_unavailable, new UnknownIq(jid("bob@localhost/gone")));
    }

    /** RFC 6121 §8.5.3.1: an IQ to a connected full JID is delivered, and its result comes back. */
    @Test
    void iqToConnectedFullJidIsDeliveredAndAnswered() throws Exception {
        BlockingQueue<Jid> pingSenders = new LinkedBlockingQueue<>();
        IQRequestHandler recorder = new AbstractIqRequestHandler(Ping.ELEMENT, Ping.NAMESPACE, IQ.Type.get,
                IQRequestHandler.Mode.async) {
            @Override
            public IQ handleIQRequest(IQ request) {
                pingSenders.add(request.getFrom());
                return IQ.createResultIQ(request);
            }
        };
        IQRequestHandler previous = bobLow.registerIQRequestHandler(recorder);
        try {
            assertTrue(PingManager.getInstanceFor(alice).ping(bobLow.getUser()), "bob/low answered the ping");
            assertEquals(alice.getUser(), pingSenders.poll(WAIT_MS, TimeUnit.MILLISECONDS));
        } finally {
            bobLow.registerIQRequestHandler(previous);
        }
    }

    /** RFC 6120 §10.4.3: no server-to-server yet, so every remote domain is unreachable. */
    @Test
    void messageToRemoteDomainIsRemoteServerNotFound() throws Exception {
        Stanza reply = sendAndAwaitReply(alice, message(jid("someone@example.net"), Message.Type.chat, "hi"));
        assertError(StanzaError.Condition.remote_server_not_found, reply);
        assertIqError(StanzaError.Condition.remote_server_not_found, new UnknownIq(jid("example.net")));
    }

    /** RFC 6120 §8.3.3.8: an address that is not a JID. */
    @Test
    void malformedToIsJidMalformed() throws Exception {
        try (RawXmppClient raw = RawXmppClient.loginAndBind(SERVER, "dave", "d-pass", "raw")) {
            raw.send("<message id='m1' to='bob@@localhost' type='chat'><body>x</body></message>");
            String error = raw.readUntil("</message>");
            assertTrue(error.contains("type=\"error\"") && error.contains("<jid-malformed "), error);
            raw.send("<iq id='q1' type='get' to='@localhost'><query xmlns='jabber:iq:version'/></iq>");
            String iqError = raw.readUntil("</iq>");
            assertTrue(iqError.contains("id=\"q1\"") && iqError.contains("<jid-malformed "), iqError);
        }
    }

    /** RFC 6120 §8.2.3: a get or set carries exactly one payload. */
    @Test
    void iqWithTwoPayloadsOrNoneIsBadRequest() throws Exception {
        try (RawXmppClient raw = RawXmppClient.loginAndBind(SERVER, "dave", "d-pass", "raw")) {
            raw.send("<iq id='two' type='get' to='localhost'><ping xmlns='urn:xmpp:ping'/>"
                    + "<query xmlns='jabber:iq:version'/></iq>");
            String two = raw.readUntil("</iq>");
            assertTrue(two.contains("id=\"two\"") && two.contains("<bad-request "), two);
            raw.send("<iq id='none' type='get' to='localhost'/>");
            String none = raw.readUntil("</iq>");
            assertTrue(none.contains("id=\"none\"") && none.contains("<bad-request "), none);
            raw.send("<iq id='ok' type='get' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
            String ok = raw.readUntil("type=\"result\"");
            assertTrue(ok.contains("id=\"ok\"") && ok.contains("type=\"result\""), "stream still usable: " + ok);
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    static Message message(Jid to, Message.Type type, String body) {
        return MessageBuilder.buildMessage("m-" + IDS.incrementAndGet()).to(to).ofType(type).setBody(body).build();
    }

    static void send(XMPPTCPConnection from, Jid to, Message.Type type, String body) throws Exception {
        from.sendStanza(message(to, type, body));
    }

    /** Sends and waits for the stanza that answers it (same id), e.g. an error. */
    static Stanza sendAndAwaitReply(XMPPTCPConnection from, Message message) throws Exception {
        try (StanzaCollector collector = from.createStanzaCollectorAndSend(
                new StanzaIdFilter(message.getStanzaId()), message)) {
            Stanza reply = collector.nextResult(WAIT_MS);
            assertNotNull(reply, "no reply to " + message.toXML());
            return reply;
        }
    }

    static void assertError(StanzaError.Condition condition, Stanza reply) {
        assertNotNull(reply.getError(), "an error: " + reply.toXML());
        assertEquals(condition, reply.getError().getCondition());
    }

    static void assertIqError(StanzaError.Condition condition, IQ request) {
        XMPPErrorException e = assertThrows(XMPPErrorException.class,
                () -> alice.sendIqRequestAndWaitForResponse(request));
        assertEquals(condition, e.getStanzaError().getCondition());
    }

    static Message next(XMPPTCPConnection connection) throws InterruptedException {
        Message message = INBOXES.get(connection).poll(WAIT_MS, TimeUnit.MILLISECONDS);
        assertNotNull(message, "nothing arrived at " + connection.getUser());
        return message;
    }

    /**
     * Proves the resources received nothing so far without sleeping: alice sends each a marker
     * after the test's stanzas, and her stanzas are routed in order, so the marker must come first.
     */
    static void assertNothingBefore(XMPPTCPConnection... resources) throws Exception {
        for (XMPPTCPConnection resource : resources) {
            send(alice, resource.getUser(), Message.Type.chat, "marker");
            assertEquals("marker", next(resource).getBody(), resource.getUser() + " got something else first");
        }
    }

    static Jid jid(String jid) throws Exception {
        return JidCreate.from(jid);
    }

    /** A request no module handles. */
    static final class UnknownIq extends IQ {
        UnknownIq(Jid to) {
            super("query", "urn:example:unknown");
            setType(IQ.Type.get);
            setTo(to);
        }

        @Override
        protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
            xml.setEmptyElement();
            return xml;
        }
    }
}
