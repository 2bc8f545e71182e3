package org.xmppd.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.XMPPException.StreamErrorException;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.StreamError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.Jid;
import org.xmppd.server.config.LimitsConfig;
import org.xmppd.server.config.ServerConfig;

/** A session's life: binding, replacement, keepalive, timeouts and server shutdown. */
class SessionLifecycleTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    /** Pings after 1 s of silence (half the idle time) and closes 1 s after an unanswered ping. */
    @RegisterExtension
    static final TestServer KEEPALIVE = new TestServer(limits(l -> new LimitsConfig(l.maxStanzaBytes(),
            l.maxDepth(), 2, 1, l.authFailuresBeforeDelay(), l.authDelayMaxSeconds(), l.scramIterations(),
            l.handshakeTimeoutSeconds())));

    /** One second to negotiate a stream. */
    @RegisterExtension
    static final TestServer IMPATIENT = new TestServer(limits(l -> new LimitsConfig(l.maxStanzaBytes(),
            l.maxDepth(), l.idleTimeoutSeconds(), l.pingTimeoutSeconds(), l.authFailuresBeforeDelay(),
            l.authDelayMaxSeconds(), l.scramIterations(), 1)));

    @BeforeAll
    static void accounts() throws Exception {
        for (TestServer server : new TestServer[] {SERVER, KEEPALIVE, IMPATIENT}) {
            server.createUser("alice", "a-pass");
            server.createUser("bob", "b-pass");
        }
    }

    static UnaryOperator<ServerConfig> limits(UnaryOperator<LimitsConfig> change) {
        return config -> config.withLimits(change.apply(LimitsConfig.defaults()));
    }

    /** Issue policy, RFC 6120 §7.7.2.2: the new session wins, the old one gets {@code conflict}. */
    @Test
    void secondLoginWithSameFullJidReplacesTheFirst() throws Exception {
        XMPPTCPConnection first = connect(SERVER, "bob", "b-pass", "phone");
        CompletableFuture<Exception> firstClosed = closedOnError(first);
        XMPPTCPConnection second = connect(SERVER, "bob", "b-pass", "phone");
        XMPPTCPConnection alice = connect(SERVER, "alice", "a-pass", "desk");
        try {
            StreamError error = streamError(firstClosed);
            assertEquals(StreamError.Condition.conflict, error.getCondition());
            assertEquals(first.getUser(), second.getUser());
            assertTrue(second.isConnected() && second.isAuthenticated());
            assertTrue(PingManager.getInstanceFor(second).pingMyServer());

            BlockingQueue<Message> inbox = LoginAndChatTest.inbox(second);
            alice.sendStanza(RoutingTest.message(second.getUser(), Message.Type.chat, "to the new one"));
            Message received = inbox.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(received, "the replacing session gets the full JID's messages");
            assertEquals("to the new one", received.getBody());
        } finally {
            first.disconnect();
            second.disconnect();
            alice.disconnect();
        }
    }

    /** RFC 6120 §7.6: with no resource requested the server picks one, different each time. */
    @Test
    void serverGeneratesAResourceWhenNoneIsRequested() throws Exception {
        try (RawXmppClient one = RawXmppClient.loginAndBind(SERVER, "alice", "a-pass", null);
                RawXmppClient two = RawXmppClient.loginAndBind(SERVER, "alice", "a-pass", null)) {
            String jidOne = one.jid();
            String jidTwo = two.jid();
            assertTrue(jidOne.matches("alice@localhost/\\S+"), jidOne);
            assertTrue(jidTwo.matches("alice@localhost/\\S+"), jidTwo);
            assertNotEquals(jidOne, jidTwo);
        }
    }

    /** RFC 6120 §7.7.2.1: a resource longer than 1023 bytes (RFC 7622 §3.4) is a bad-request. */
    @Test
    void invalidResourceIsBadRequest() throws Exception {
        try (RawXmppClient raw = RawXmppClient.connect(SERVER)) {
            raw.openStream();
            raw.starttls();
            raw.openStream();
            raw.authPlain("alice", "a-pass");
            raw.openStream();
            raw.send("<iq type='set' id='b1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                    + "<resource>" + "r".repeat(1100) + "</resource></bind></iq>");
            String answer = raw.readUntil("</iq>");
            assertTrue(answer.contains("type=\"error\"") && answer.contains("<bad-request "), answer);
            assertTrue(raw.bind("good").endsWith("/good"), "a second attempt may still bind");
        }
    }

    /** RFC 6121 §8.5.3.2.3: once a client is gone, IQs to its full JID bounce. */
    @Test
    void disconnectedResourceIsUnbound() throws Exception {
        XMPPTCPConnection alice = connect(SERVER, "alice", "a-pass", "stays");
        XMPPTCPConnection bob = connect(SERVER, "bob", "b-pass", "leaves");
        try {
            Jid gone = bob.getUser();
            assertTrue(PingManager.getInstanceFor(alice).ping(gone), "online first");
            bob.disconnect();
            long deadline = System.nanoTime() + WAIT.toNanos();
            StanzaError.Condition condition = null;
            while (condition == null && System.nanoTime() < deadline) {
                try {
                    alice.sendIqRequestAndWaitForResponse(new RoutingTest.UnknownIq(gone));
                } catch (XMPPErrorException e) {
                    // Until the server has seen the close, bob/leaves answers feature-not-implemented.
                    if (e.getStanzaError().getCondition() == StanzaError.Condition.service_unavailable) {
                        condition = e.getStanzaError().getCondition();
                    }
                }
            }
            assertEquals(StanzaError.Condition.service_unavailable, condition);
        } finally {
            alice.disconnect();
        }
    }

    /** RFC 6120 §4.9.3.22: a stopping server says {@code system-shutdown} to every client. */
    @Test
    void gracefulShutdownSendsSystemShutdown() throws Exception {
        TestServer server = new TestServer();
        server.start();
        XMPPTCPConnection smack;
        RawXmppClient raw;
        CompletableFuture<Exception> closed;
        try {
            server.createUser("carol", "c-pass");
            smack = connect(server, "carol", "c-pass", "laptop");
            closed = closedOnError(smack);
            raw = RawXmppClient.loginAndBind(server, "carol", "c-pass", "raw");
        } finally {
            server.stop();
        }
        try (raw) {
            assertEquals(StreamError.Condition.system_shutdown, streamError(closed).getCondition());
            assertEquals("system-shutdown", raw.awaitStreamError());
            assertTrue(raw.awaitClosed(WAIT));
        } finally {
            smack.disconnect();
        }
    }

    /**
     * XEP-0199 §4.1 with the Openfire idle policy: a silent client is pinged after half the idle
     * time and closed with {@code connection-timeout} when it does not answer; a client that
     * answers stays.
     */
    @Test
    void idleClientsArePingedAndSilentOnesTimeOut() throws Exception {
        long start = System.nanoTime();
        RawXmppClient mute = RawXmppClient.connect(KEEPALIVE);
        XMPPTCPConnection answering = connect(KEEPALIVE, "alice", "a-pass", "answers");
        BlockingQueue<Jid> serverPings = new LinkedBlockingQueue<>();
        answering.registerIQRequestHandler(new AbstractIqRequestHandler(Ping.ELEMENT, Ping.NAMESPACE,
                IQ.Type.get, IQRequestHandler.Mode.async) {
            @Override
            public IQ handleIQRequest(IQ request) {
                serverPings.add(request.getFrom());
                return IQ.createResultIQ(request);
            }
        });
        try (RawXmppClient silent = RawXmppClient.loginAndBind(KEEPALIVE, "bob", "b-pass", "silent")) {
            String ping = silent.readUntil("urn:xmpp:ping", WAIT);
            assertTrue(ping.contains("type=\"get\"") && ping.contains("from=\"localhost\""), ping);
            assertEquals("connection-timeout", silent.awaitStreamError());
            assertTrue(silent.awaitClosed(WAIT));
        }
        assertEquals("localhost", String.valueOf(serverPings.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)));
        try (mute) {
            // Before any header nothing may precede the response header's XML declaration.
            assertEquals("connection-timeout", mute.awaitStreamError());
            assertTrue(mute.text().startsWith("<?xml"), mute.text());
        }
        // The only fixed wait: the answering client must outlive two idle periods.
        long remaining = Duration.ofSeconds(4).toNanos() - (System.nanoTime() - start);
        if (remaining > 0) {
            TimeUnit.NANOSECONDS.sleep(remaining);
        }
        try {
            assertTrue(answering.isConnected() && answering.isAuthenticated(), "the answering client stays");
            assertTrue(PingManager.getInstanceFor(answering).pingMyServer());
        } finally {
            answering.disconnect();
        }
    }

    /** A connection that never finishes negotiating is closed with {@code connection-timeout}. */
    @Test
    void handshakeTimeout() throws Exception {
        try (RawXmppClient idle = RawXmppClient.connect(IMPATIENT);
                RawXmppClient stuck = RawXmppClient.connect(IMPATIENT)) {
            stuck.openStream();
            stuck.starttls();
            assertEquals("connection-timeout", idle.awaitStreamError());
            assertTrue(idle.text().contains("<stream:stream "), "header before the error");
            assertTrue(idle.awaitClosed(WAIT));
            assertEquals("connection-timeout", stuck.awaitStreamError());
            assertTrue(stuck.awaitClosed(WAIT));
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    static XMPPTCPConnection connect(TestServer server, String user, String password, String resource)
            throws Exception {
        XMPPTCPConnection connection = new XMPPTCPConnection(server.starttls(user, password)
                .setResource(resource).addEnabledSaslMechanism("PLAIN").build());
        connection.connect().login();
        return connection;
    }

    static CompletableFuture<Exception> closedOnError(XMPPTCPConnection connection) {
        CompletableFuture<Exception> closed = new CompletableFuture<>();
        connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosedOnError(Exception e) {
                closed.complete(e);
            }
        });
        return closed;
    }

    static StreamError streamError(CompletableFuture<Exception> closed) throws Exception {
        Exception e = closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        return assertInstanceOf(StreamErrorException.class, e, String.valueOf(e)).getStreamError();
    }
}
