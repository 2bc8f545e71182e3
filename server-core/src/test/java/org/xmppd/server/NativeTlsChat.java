package org.xmppd.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.chat2.ChatManager;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;

/**
 * What the native TLS provider tests check: STARTTLS and direct TLS through the network layer,
 * then a message larger than a TLS record.
 */
final class NativeTlsChat {
    private NativeTlsChat() {
    }

    static void logInAndChat(TestServer server) throws Exception {
        server.createUser("alice", "wonderland");
        server.createUser("bob", "builder");
        XMPPTCPConnection a = server.login("alice", "wonderland", "SCRAM-SHA-256");
        XMPPTCPConnection b = new XMPPTCPConnection(server.directTls("bob", "builder").build());
        try {
            b.connect().login();
            assertTrue(a.isSecureConnection(), "STARTTLS negotiated");
            BlockingQueue<Message> atBob = new ArrayBlockingQueue<>(10);
            b.addAsyncStanzaListener(s -> atBob.add((Message) s), s -> s instanceof Message m && m.getBody() != null);
            ChatManager.getInstanceFor(a).chatWith(b.getUser().asEntityBareJid()).send("x".repeat(40_000));
            Message got = atBob.poll(10, TimeUnit.SECONDS);
            assertEquals("x".repeat(40_000), got == null ? null : got.getBody(), "a message spanning several TLS records");
        } finally {
            a.disconnect();
            b.disconnect();
        }
    }
}
