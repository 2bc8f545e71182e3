package org.xmppd.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.sm.predicates.ForEveryStanza;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Nothing accepted is lost" (DESIGN.md), proven the hard way: a sender streams numbered
 * messages to a receiver, both with XEP-0198, and the server process is killed with SIGKILL
 * mid-traffic. The receiver acknowledges nothing, so every message it was sent is still in flight
 * when the server dies; midway its connection drops, so its session hibernates and queues the
 * rest (XEP-0198 §5). After a restart on the same data the receiver logs in again (with Smack):
 * every message the server acknowledged to the sender must reach it. Duplicates would be
 * allowed, losses are not.
 */
class DurableDeliveryTest {
    private static final Logger LOG = LoggerFactory.getLogger(DurableDeliveryTest.class);
    private static final Duration START = Duration.ofSeconds(60);
    /** Acknowledged messages when the receiver's connection drops. */
    private static final int ACKED_BEFORE_DROP = 200;
    /** Acknowledged messages when the server is killed: many of them only ever reached storage. */
    private static final int ACKED_BEFORE_KILL = 500;

    @TempDir
    Path dataDir;

    @Test
    void killNineLosesNoAcknowledgedMessage() throws Exception {
        Process server = start();
        Set<String> received = ConcurrentHashMap.newKeySet();
        AtomicInteger deliveries = new AtomicInteger();
        Set<String> acked = ConcurrentHashMap.newKeySet();
        int sent;
        try {
            int port = awaitPort();
            SilentReceiver receiver = new SilentReceiver(port);
            receiver.login(clientTls(), "receiver", "receiver");
            XMPPTCPConnection sender = connect(port, "sender");
            sender.addRequestAckPredicate(ForEveryStanza.INSTANCE);
            sender.addStanzaAcknowledgedListener(s -> {
                if (s instanceof Message m && m.getBody() != null) {
                    acked.add(m.getBody());
                }
            });
            assertTrue(sender.isSmEnabled(), "the sender uses stream management");
            sent = sendUntilKilled(sender, receiver, server, acked);
        } finally {
            server.destroyForcibly().waitFor();
        }
        Set<String> ackedAtKill = Set.copyOf(acked);

        Process restarted = start();
        try {
            int port = awaitPort();
            XMPPTCPConnection receiver = receiver(port, received, deliveries);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!received.containsAll(ackedAtKill) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            receiver.disconnect();
        } finally {
            restarted.destroyForcibly().waitFor();
        }
        Set<String> lost = new TreeSet<>(ackedAtKill);
        lost.removeAll(received);
        LOG.info("sent {}, acknowledged {}, received {} after the restart ({} deliveries)",
                sent, ackedAtKill.size(), received.size(), deliveries.get());
        assertTrue(ackedAtKill.size() >= ACKED_BEFORE_KILL, "the kill came mid-traffic: " + ackedAtKill.size());
        assertTrue(lost.isEmpty(), lost.size() + " acknowledged messages lost, e.g. " + first(lost) + serverLog());
    }

    /**
     * Streams messages until the server dies: drops the receiver's connection, then kills the
     * server, each once enough messages were acknowledged. Returns how many were sent.
     */
    private static int sendUntilKilled(XMPPTCPConnection sender, SilentReceiver receiver, Process server,
            Set<String> acked) throws Exception {
        EntityBareJid to = JidCreate.entityBareFrom("receiver@" + TestServer.DOMAIN);
        AtomicInteger sent = new AtomicInteger();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread pump = new Thread(() -> {
            try {
                for (int i = 0; i < 1_000_000; i++) {
                    sender.sendStanza(MessageBuilder.buildMessage("m" + i).to(to).ofType(Message.Type.chat)
                            .setBody("n" + i).build());
                    sent.incrementAndGet();
                }
            } catch (Exception e) {
                LOG.debug("sending stopped: {}", e.toString()); // the server is gone: expected
            } finally {
                stopped.countDown();
            }
        }, "durable-delivery-sender");
        pump.start();
        awaitAcked(acked, ACKED_BEFORE_DROP);
        receiver.drop(); // no closing tag: the session hibernates
        awaitAcked(acked, ACKED_BEFORE_KILL);
        server.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        server.waitFor();
        assertTrue(stopped.await(10, TimeUnit.SECONDS), "the sender noticed");
        return sent.get();
    }

    private static void awaitAcked(Set<String> acked, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (acked.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
    }

    private XMPPTCPConnection receiver(int port, Set<String> received, AtomicInteger deliveries) throws Exception {
        XMPPTCPConnection receiver = new XMPPTCPConnection(config(port, "receiver").setResource("r").build());
        receiver.addSyncStanzaListener(s -> {
            received.add(((Message) s).getBody());
            deliveries.incrementAndGet();
        }, s -> s instanceof Message m && m.getBody() != null);
        receiver.connect().login(); // sends available presence: offline messages follow
        return receiver;
    }

    private XMPPTCPConnection connect(int port, String user) throws Exception {
        XMPPTCPConnection connection = new XMPPTCPConnection(config(port, user).build());
        connection.connect().login();
        return connection;
    }

    private SSLContext clientTls() throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {TestServer.trustSelfSigned(dataDir.resolve("tls/self-signed.crt"))}, null);
        return tls;
    }

    private XMPPTCPConnectionConfiguration.Builder config(int port, String user) throws Exception {
        return XMPPTCPConnectionConfiguration.builder().setXmppDomain(TestServer.DOMAIN)
                .setHost("127.0.0.1").setPort(port).setUsernameAndPassword(user, user)
                .setSecurityMode(SecurityMode.required)
                .setCustomX509TrustManager(TestServer.trustSelfSigned(dataDir.resolve("tls/self-signed.crt")))
                .addEnabledSaslMechanism("SCRAM-SHA-1").setSendPresence(true);
    }

    private Process start() throws IOException {
        Files.deleteIfExists(dataDir.resolve("port"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KillableServer.class.getName(),
                dataDir.toString(), "sender", "receiver"));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("server.log").toFile())).start();
    }

    private int awaitPort() throws Exception {
        Path port = dataDir.resolve("port");
        long deadline = System.nanoTime() + START.toNanos();
        while (!Files.exists(port)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the server did not start: " + Files.readString(dataDir.resolve("server.log")));
            }
            Thread.sleep(20);
        }
        return Integer.parseInt(Files.readString(port).trim());
    }

    /** The server's notable log lines, for a failure message. */
    private String serverLog() throws IOException {
        StringBuilder notable = new StringBuilder();
        for (String line : Files.readAllLines(dataDir.resolve("server.log"))) {
            if (!line.contains(" DEBUG ") && !line.startsWith("\tat ")) {
                notable.append('\n').append(line);
            }
        }
        return notable.toString();
    }

    private static String first(Set<String> lost) {
        return lost.isEmpty() ? "none" : lost.iterator().next();
    }
}
