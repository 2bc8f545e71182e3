package org.xmppd.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many senders deliver large stanzas to one TLS session at once: every stanza must arrive whole.
 * Stanzas over 16 KiB span several TLS records, so unserialized encryption splices them.
 */
class ConcurrentDeliveryTest {
    @RegisterExtension
    static final TestServer SERVER = new TestServer();
    private static final int SENDERS = 4;
    private static final int PER_SENDER = 40;

    @Test
    void largeStanzasFromManySendersArriveIntact() throws Exception {
        SERVER.createUser("sink", "sink-pw");
        XMPPTCPConnection sink = SERVER.login("sink", "sink-pw", "SCRAM-SHA-1");
        AtomicReference<Exception> broken = new AtomicReference<>();
        sink.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosedOnError(Exception e) {
                broken.set(e);
            }
        });
        Set<String> received = ConcurrentHashMap.newKeySet();
        CountDownLatch all = new CountDownLatch(SENDERS * PER_SENDER);
        sink.addAsyncStanzaListener(s -> {
            if (received.add(((Message) s).getSubject())) {
                all.countDown();
            }
        }, s -> s instanceof Message m && m.getSubject() != null);

        String filler = "x".repeat(40_000);
        List<XMPPTCPConnection> senders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        try {
            for (int i = 0; i < SENDERS; i++) {
                SERVER.createUser("source" + i, "pw");
                XMPPTCPConnection sender = SERVER.login("source" + i, "pw", "SCRAM-SHA-1");
                senders.add(sender);
                int id = i;
                threads.add(new Thread(() -> {
                    for (int n = 0; n < PER_SENDER; n++) {
                        try {
                            sender.sendStanza(MessageBuilder.buildMessage().to(sink.getUser()).ofType(Message.Type.chat)
                                    .setSubject(id + "-" + n).setBody(filler).build());
                        } catch (Exception e) {
                            broken.compareAndSet(null, e);
                        }
                    }
                }));
            }
            threads.forEach(Thread::start);
            assertTrue(all.await(60, TimeUnit.SECONDS), "received " + received.size() + ", broken: " + broken.get());
            assertNull(broken.get(), "the receiving stream stayed well-formed");
            assertEquals(SENDERS * PER_SENDER, received.size());
        } finally {
            for (Thread thread : threads) {
                thread.join(10_000);
            }
            senders.forEach(XMPPTCPConnection::disconnect);
            sink.disconnect();
        }
    }
}
