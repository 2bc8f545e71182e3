package org.xmppd.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.chat2.ChatManager;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;

/** Two accounts log in the ways clients do and chat both ways. */
class LoginAndChatTest {
    @RegisterExtension
    static final TestServer SERVER = new TestServer();
    static EntityBareJid alice;
    static EntityBareJid bob;

    @BeforeAll
    static void accounts() throws Exception {
        alice = SERVER.createUser("alice", "wonderland");
        bob = SERVER.createUser("bob", "builder");
    }

    @Test
    void starttlsScramSha256AndDirectTlsChatBothWays() throws Exception {
        XMPPTCPConnection a = SERVER.login("alice", "wonderland", "SCRAM-SHA-256");
        XMPPTCPConnection b = new XMPPTCPConnection(SERVER.directTls("bob", "builder")
                .addEnabledSaslMechanism("SCRAM-SHA-256").build());
        try {
            b.connect().login();
            assertTrue(a.isSecureConnection(), "STARTTLS negotiated");
            assertEquals("SCRAM-SHA-256", a.getUsedSaslMechansism());
            assertEquals(alice, a.getUser().asEntityBareJid());
            assertEquals(bob, b.getUser().asEntityBareJid());

            BlockingQueue<Message> atBob = inbox(b);
            BlockingQueue<Message> atAlice = inbox(a);
            ChatManager.getInstanceFor(a).chatWith(bob).send("hello bob");
            Message toBob = atBob.poll(10, TimeUnit.SECONDS);
            assertEquals("hello bob", toBob.getBody());
            assertEquals(a.getUser(), toBob.getFrom(), "from stamped with the sender's full JID");

            b.sendStanza(MessageBuilder.buildMessage().to(a.getUser()).ofType(Message.Type.chat)
                    .setBody("hi alice").build());
            Message toAlice = atAlice.poll(10, TimeUnit.SECONDS);
            assertEquals("hi alice", toAlice.getBody());
            assertEquals(b.getUser(), toAlice.getFrom());
        } finally {
            a.disconnect();
            b.disconnect();
        }
    }

    @Test
    void scramSha1Works() throws Exception {
        XMPPTCPConnection a = SERVER.login("alice", "wonderland", "SCRAM-SHA-1");
        try {
            assertEquals("SCRAM-SHA-1", a.getUsedSaslMechansism());
            assertTrue(a.isAuthenticated());
        } finally {
            a.disconnect();
        }
    }

    @Test
    void wrongPasswordIsNotAuthorized() throws Exception {
        XMPPTCPConnection a = new XMPPTCPConnection(SERVER.starttls("alice", "wrong")
                .addEnabledSaslMechanism("SCRAM-SHA-256").build());
        try {
            a.connect();
            SASLErrorException e = assertThrows(SASLErrorException.class, a::login);
            assertEquals("not-authorized", e.getSASLFailure().getSASLErrorString());
        } finally {
            a.disconnect();
        }
    }

    @Test
    void unknownUserLooksLikeWrongPassword() throws Exception {
        XMPPTCPConnection a = new XMPPTCPConnection(SERVER.starttls("nobody", "whatever")
                .addEnabledSaslMechanism("SCRAM-SHA-256").build());
        try {
            a.connect();
            SASLErrorException e = assertThrows(SASLErrorException.class, a::login);
            assertEquals("not-authorized", e.getSASLFailure().getSASLErrorString());
        } finally {
            a.disconnect();
        }
    }

    @Test
    void plainOnlyAfterTls() throws Exception {
        XMPPTCPConnection a = SERVER.login("alice", "wonderland", "PLAIN");
        try {
            assertEquals("PLAIN", a.getUsedSaslMechansism());
        } finally {
            a.disconnect();
        }
    }

    @Test
    void withoutTlsNothingButStarttlsIsOffered() throws Exception {
        XMPPTCPConnection a = new XMPPTCPConnection(SERVER.starttls("alice", "wonderland")
                .setSecurityMode(org.jivesoftware.smack.ConnectionConfiguration.SecurityMode.disabled).build());
        try {
            assertThrows(SmackException.class, () -> a.connect().login());
        } finally {
            a.disconnect();
        }
    }

    static BlockingQueue<Message> inbox(XMPPTCPConnection connection) {
        BlockingQueue<Message> queue = new ArrayBlockingQueue<>(100);
        connection.addAsyncStanzaListener(s -> queue.add((Message) s),
                s -> s instanceof Message m && m.getBody() != null);
        return queue;
    }
}
