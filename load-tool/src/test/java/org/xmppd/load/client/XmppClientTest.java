package org.xmppd.load.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;

/** The client's negotiation against a scripted server over a real loopback socket. */
class XmppClientTest {
    private static final Account USER1 = new Account("user1", FakeServer.PASSWORD, "load");

    /** Records the outcome and the first message. */
    private static final class Outcome implements ClientListener {
        final CompletableFuture<XmppClient> ready = new CompletableFuture<>();
        final CompletableFuture<String> failure = new CompletableFuture<>();
        final CompletableFuture<Element> message = new CompletableFuture<>();

        @Override
        public void ready(XmppClient client) {
            ready.complete(client);
        }

        @Override
        public void failed(XmppClient client, String reason) {
            failure.complete(reason);
        }

        @Override
        public void message(XmppClient client, Element received) {
            message.complete(received);
        }
    }

    private static ClientLauncher launcher(FakeServer server) {
        ClientSettings settings = new ClientSettings(new InetSocketAddress("127.0.0.1", server.port()), "localhost",
                Security.NONE, Mechanism.SCRAM_SHA_1, Duration.ofSeconds(10));
        return new ClientLauncher(settings, SourceAddresses.loopback(0), 1);
    }

    private static Element next(FakeServer server) throws InterruptedException {
        Element element = server.received.poll(10, TimeUnit.SECONDS);
        assertTrue(element != null, "the client sent nothing more");
        return element;
    }

    @Test
    void logsInWithScramBindsFetchesTheRosterAndSendsPresence() throws Exception {
        try (FakeServer server = new FakeServer(FakeServer.Script.LOGIN); ClientLauncher launcher = launcher(server)) {
            Outcome outcome = new Outcome();
            launcher.launch(USER1, XmppClient.Goal.LOGIN, outcome);
            XmppClient client = outcome.ready.get(10, TimeUnit.SECONDS);
            assertEquals("user1@localhost/load", client.jid());
            assertTrue(client.isReady());
            assertTrue(client.setupNanos() > 0);
            assertEquals("auth", next(server).name());
            assertEquals("response", next(server).name());
            assertEquals("bind", next(server).firstElement().orElseThrow().name());
            assertEquals("query", next(server).firstElement().orElseThrow().name());
            assertEquals("presence", next(server).name());
            Element pong = next(server);
            assertEquals("result", pong.attributeOrNull("type"));
            assertEquals("ping1", pong.attributeOrNull("id"));
            Element message = outcome.message.get(10, TimeUnit.SECONDS);
            assertEquals("hello & welcome", message.childText("body", Namespaces.CLIENT).orElseThrow());
            client.sendChat("user2@localhost/x", "m1", "a <b> & 'c'");
            Element chat = next(server);
            assertEquals("a <b> & 'c'", chat.childText("body", Namespaces.CLIENT).orElseThrow());
            assertEquals("user2@localhost/x", chat.attributeOrNull("to"));
        }
    }

    @Test
    void reportsASaslFailureWithItsCondition() throws Exception {
        try (FakeServer server = new FakeServer(FakeServer.Script.AUTH_FAILURE); ClientLauncher launcher = launcher(server)) {
            Outcome outcome = new Outcome();
            launcher.launch(USER1, XmppClient.Goal.LOGIN, outcome);
            assertEquals("SASL failure: not-authorized", outcome.failure.get(10, TimeUnit.SECONDS));
            assertTrue(!outcome.ready.isDone());
        }
    }

    @Test
    void registrationConflictIsReportedAsSuch() throws Exception {
        try (FakeServer server = new FakeServer(FakeServer.Script.REGISTER_CONFLICT);
                ClientLauncher launcher = launcher(server)) {
            Outcome outcome = new Outcome();
            launcher.launch(USER1, XmppClient.Goal.REGISTER, outcome);
            assertEquals("iq reg error: conflict", outcome.failure.get(10, TimeUnit.SECONDS));
            Element register = next(server);
            assertEquals("user1", register.firstElement().orElseThrow().childText("username", "jabber:iq:register")
                    .orElseThrow());
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            ClientSettings settings = new ClientSettings(new InetSocketAddress("127.0.0.1", silent.getLocalPort()),
                    "localhost", Security.STARTTLS, Mechanism.SCRAM_SHA_1, Duration.ofMillis(300));
            try (ClientLauncher launcher = new ClientLauncher(settings, SourceAddresses.loopback(2), 1)) {
                Outcome outcome = new Outcome();
                launcher.launch(USER1, XmppClient.Goal.LOGIN, outcome);
                assertEquals("timeout in phase STREAM", outcome.failure.get(10, TimeUnit.SECONDS));
            }
        }
    }
}
