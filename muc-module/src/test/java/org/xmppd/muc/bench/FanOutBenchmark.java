package org.xmppd.muc.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppd.codec.Element;
import org.xmppd.codec.Message;
import org.xmppd.codec.Namespaces;
import org.xmppd.codec.Presence;
import org.xmppd.codec.StreamErrorCondition;
import org.xmppd.codec.XmlWriter;
import org.xmppd.muc.room.RoomConfig;
import org.xmppd.muc.room.RoomOptions;
import org.xmppd.muc.room.ServiceLimits;
import org.xmppd.muc.xml.MucEndpoint;
import org.xmppd.muc.xml.RoomArchiver;
import org.xmppd.server.modules.mam.ArchiveWriter;
import org.xmppd.server.router.ServerInfo;
import org.xmppd.server.session.ClientSession;
import org.xmppd.server.session.SessionAttributes;
import org.xmppd.server.session.SessionRegistry;
import org.xmppd.server.session.SharedStanza;
import org.xmppd.storage.ArchiveIds;
import org.xmppd.storage.Storage;
import org.xmppd.storage.StorageConfig;

/**
 * One room, 500 occupants: how many deliveries per second the MUC service fans out and how much
 * memory an occupant costs. Runs the real service handler (XML in, engine, publisher, shared
 * serialization) up to the session's write; the sessions count the bytes they would write
 * instead of handing them to MINA, so TLS and sockets are left out.
 * <pre>
 * mvn -o -pl muc-module test-compile exec:java -Dexec.mainClass=org.xmppd.muc.bench.FanOutBenchmark \
 *     -Dexec.classpathScope=test [-Dexec.args=per-recipient]
 * </pre>
 */
public final class FanOutBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(FanOutBenchmark.class);
    private static final int OCCUPANTS = 500;
    private static final int WARMUP_MESSAGES = 2_000;
    private static final int MESSAGES = 10_000;

    private FanOutBenchmark() {
    }

    /** A session that counts what it would write. */
    private static final class CountingSession implements ClientSession {
        private final EntityFullJid jid;
        private final AtomicLong bytes;
        private final AtomicLong stanzas;
        private final SessionAttributes attributes = new SessionAttributes();

        private final boolean perRecipient;

        CountingSession(EntityFullJid jid, AtomicLong bytes, AtomicLong stanzas, boolean perRecipient) {
            this.jid = jid;
            this.bytes = bytes;
            this.stanzas = stanzas;
            this.perRecipient = perRecipient;
        }

        @Override
        public EntityFullJid jid() {
            return jid;
        }

        @Override
        public void deliver(Element stanza) {
            bytes.addAndGet(XmlWriter.toStreamXml(stanza, Namespaces.CLIENT).length());
            stanzas.incrementAndGet();
        }

        @Override
        public void deliver(SharedStanza stanza) {
            if (perRecipient) {
                deliver(stanza.element(jid)); // for comparison: one serialization per recipient
                return;
            }
            bytes.addAndGet(stanza.streamBytes(jid).length); // what C2sStream writes
            stanzas.incrementAndGet();
        }

        @Override
        public Presence presence() {
            return null;
        }

        @Override
        public SessionAttributes attributes() {
            return attributes;
        }

        @Override
        public void close(StreamErrorCondition condition, String text) {
            // Never closed in the benchmark.
        }
    }

    /** {@code per-recipient} as the argument serializes for each recipient instead, for comparison. */
    public static void main(String[] args) throws Exception {
        boolean perRecipient = args.length > 0 && args[0].equals("per-recipient");
        Path dataDir = Files.createTempDirectory("muc-bench");
        AtomicLong bytes = new AtomicLong();
        AtomicLong stanzas = new AtomicLong();
        Map<EntityFullJid, ClientSession> sessions = new HashMap<>();
        List<EntityFullJid> users = new ArrayList<>();
        for (int i = 0; i < OCCUPANTS; i++) {
            EntityFullJid jid = JidCreate.entityFullFrom("user" + i + "@example.org/phone");
            users.add(jid);
            sessions.put(jid, new CountingSession(jid, bytes, stanzas, perRecipient));
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (Storage storage = Storage.open(StorageConfig.defaults(), dataDir);
                ArchiveWriter writer = new ArchiveWriter(storage.archive(), "bench-archive-writer")) {
            DomainBareJid service = JidCreate.domainBareFrom("conference.example.org");
            MucEndpoint endpoint = MucEndpoint.create(service, "Chatrooms",
                    new MucEndpoint.Server(registry(sessions), stanza -> { }, new ServerInfo(
                            List.of(JidCreate.domainBareFrom("example.org")), "xmppd", "bench"), scheduler),
                    storage.rooms(), new RoomArchiver(storage.archive(), writer, new ArchiveIds()),
                    new ServiceLimits(true, 10, 10, 1000, 100),
                    RoomConfig.empty().with(RoomOptions.MAX_USERS, 1000), Clock.systemUTC());
            EntityBareJid room = JidCreate.entityBareFrom("big@" + service);
            List<Element> presences = new ArrayList<>();
            for (EntityFullJid user : users) {
                presences.add(Element.builder("presence", Namespaces.CLIENT).attribute("from", user.toString())
                        .attribute("to", room + "/" + user.getLocalpart())
                        .textChild("show", Namespaces.CLIENT, "chat").textChild("status", Namespaces.CLIENT, "here")
                        .child(Element.builder("c", "http://jabber.org/protocol/caps").attribute("hash", "sha-1")
                                .attribute("node", "https://conversations.im")
                                .attribute("ver", "Xq5nMydkZzYQqAKnDEV2XBUE8QQ=").build())
                        .child(Element.of("x", "http://jabber.org/protocol/muc")).build());
            }
            long before = usedHeap();
            for (Element presence : presences) {
                endpoint.handler().handle(new Presence(presence));
                if (presence == presences.get(0)) {
                    endpoint.handler().handle(new org.xmppd.codec.Iq(ownerSubmit(users.get(0), room)));
                }
            }
            long perOccupant = (usedHeap() - before) / OCCUPANTS;
            LOG.info("{} occupants joined: {} stanzas delivered while joining (O(n^2) presence)", OCCUPANTS,
                    stanzas.get());
            send(endpoint, users.get(1), room, WARMUP_MESSAGES);
            stanzas.set(0);
            bytes.set(0);
            long start = System.nanoTime();
            send(endpoint, users.get(1), room, MESSAGES);
            double seconds = (System.nanoTime() - start) / 1e9;
            LOG.info("fan-out: {} messages x {} occupants = {} deliveries in {} s: {} deliveries/s, {} messages/s,"
                    + " {} MB/s serialized", MESSAGES, OCCUPANTS, stanzas.get(), String.format("%.2f", seconds),
                    String.format("%.0f", stanzas.get() / seconds), String.format("%.0f", MESSAGES / seconds),
                    String.format("%.1f", bytes.get() / seconds / 1e6));
            LOG.info("memory per occupant (room state: occupant, session, kept presence, indexes): ~{} bytes",
                    perOccupant);
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static void send(MucEndpoint endpoint, EntityFullJid from, EntityBareJid room, int count)
            throws Exception {
        for (int i = 0; i < count; i++) {
            endpoint.handler().handle(new Message(Element.builder("message", Namespaces.CLIENT)
                    .attribute("from", from.toString()).attribute("to", room.toString()).attribute("type", "groupchat")
                    .attribute("id", "m" + i)
                    .textChild("body", Namespaces.CLIENT, "A message of ordinary length, about as long as most are. #" + i)
                    .child(Element.builder("origin-id", "urn:xmpp:sid:0").attribute("id", "o" + i).build())
                    .build()));
        }
    }

    /** An instant room (XEP-0045 §10.1.2), so the others may enter. */
    private static Element ownerSubmit(EntityFullJid owner, EntityBareJid room) {
        return Element.builder("iq", Namespaces.CLIENT).attribute("from", owner.toString())
                .attribute("to", room.toString()).attribute("type", "set").attribute("id", "cfg")
                .child(Element.builder("query", "http://jabber.org/protocol/muc#owner")
                        .child(Element.builder("x", "jabber:x:data").attribute("type", "submit").build()).build())
                .build();
    }

    private static long usedHeap() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static SessionRegistry registry(Map<EntityFullJid, ClientSession> sessions) {
        return new SessionRegistry() {
            @Override
            public Optional<ClientSession> bind(ClientSession session) {
                return Optional.empty();
            }

            @Override
            public void unbind(ClientSession session) {
                // The benchmark's sessions never leave.
            }

            @Override
            public Optional<ClientSession> find(EntityFullJid jid) {
                return Optional.ofNullable(sessions.get(jid));
            }

            @Override
            public List<ClientSession> sessions(EntityBareJid account) {
                return List.of();
            }

            @Override
            public Collection<ClientSession> all() {
                return sessions.values();
            }
        };
    }
}
