package org.xmppd.server.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xmppd.server.TestServer;

/** XEP-0198 as Smack, a real client library, uses it: acknowledgements and transparent resumption. */
class SmackStreamManagementTest {
    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    @BeforeAll
    static void accounts() throws Exception {
        SERVER.createUser("alice", "pw");
        SERVER.createUser("bob", "pw");
    }

    private static XMPPTCPConnection login(String user, String resource) throws Exception {
        XMPPTCPConnection connection = new XMPPTCPConnection(SERVER.starttls(user, "pw").setResource(resource)
                .addEnabledSaslMechanism("PLAIN").build());
        connection.setUseStreamManagement(true);
        connection.setUseStreamManagementResumption(true);
        connection.connect().login();
        return connection;
    }

    private static BlockingQueue<Message> inbox(XMPPTCPConnection connection) {
        BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
        connection.addSyncStanzaListener(s -> inbox.add((Message) s), s -> s instanceof Message m && m.getBody() != null);
        return inbox;
    }

    @Test
    void theServerAcknowledgesWhatItHandled() throws Exception {
        XMPPTCPConnection alice = login("alice", "acks");
        XMPPTCPConnection bob = login("bob", "acks");
        try {
            assertTrue(alice.isSmEnabled() && alice.isSmResumptionPossible());
            assertEquals(300, alice.getMaxSmResumptionTime(), "the configured window");
            BlockingQueue<Message> atBob = inbox(bob);
            Message hello = MessageBuilder.buildMessage("hello-1").to(bob.getUser()).ofType(Message.Type.chat)
                    .setBody("hello").build();
            CountDownLatch acknowledged = new CountDownLatch(1);
            alice.addStanzaIdAcknowledgedListener(hello.getStanzaId(), s -> acknowledged.countDown());
            alice.sendStanza(hello);
            alice.requestSmAcknowledgement();
            assertTrue(acknowledged.await(5, TimeUnit.SECONDS), "the server's <a/> covered the message");
            assertEquals("hello", atBob.poll(5, TimeUnit.SECONDS).getBody());
        } finally {
            alice.disconnect();
            bob.disconnect();
        }
    }

    /** §5: Smack reconnects after a dropped socket and resumes; what came meanwhile arrives. */
    @Test
    void aDroppedConnectionIsResumedWithoutLosingMessages() throws Exception {
        XMPPTCPConnection alice = login("alice", "roaming");
        XMPPTCPConnection bob = login("bob", "desk");
        try {
            BlockingQueue<Message> atAlice = inbox(alice);
            String aliceJid = alice.getUser().toString();
            alice.instantShutdown();
            assertTrue(alice.isDisconnectedButSmResumptionPossible());

            bob.sendStanza(MessageBuilder.buildMessage().to(alice.getUser()).ofType(Message.Type.chat)
                    .setBody("while you were away").build());
            alice.connect().login();
            assertTrue(alice.streamWasResumed(), "resumed, not bound anew");
            assertEquals(aliceJid, alice.getUser().toString());
            Message missed = atAlice.poll(5, TimeUnit.SECONDS);
            assertNotNull(missed, "the message queued during the outage");
            assertEquals("while you were away", missed.getBody());
        } finally {
            alice.disconnect();
            bob.disconnect();
        }
    }
}
