package org.xmppd.pubsub.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.storage.Storage;
import org.xmppd.storage.StorageConfig;

/**
 * Engines on a real H2 node store, with rosters the test writes, a clock the test moves and
 * predictable ids ({@code id1}, {@code id2}...). Each fixture uses its own service JIDs.
 */
final class EngineFixture implements Relations {
    final Storage storage;
    final String domain = "d" + UUID.randomUUID().toString().replace("-", "") + ".example";
    final AtomicInteger counter = new AtomicInteger();
    Instant now = Instant.parse("2024-01-01T00:00:00Z");
    private final Map<BareJid, Map<BareJid, Set<String>>> rosters = new HashMap<>();
    private final Set<String> presenceSubscriptions = new HashSet<>();
    /** JIDs (bare or full) the test marked offline, for presence-based delivery. */
    final Set<Jid> offline = new HashSet<>();
    NodeRepository repository;

    EngineFixture(Storage storage) {
        this.storage = storage;
        repository = new NodeRepository(storage.nodes(), 1000, 100);
    }

    /** A fresh repository on the same store: what a restarted server sees. */
    void restart() {
        repository = new NodeRepository(storage.nodes(), 1000, 100);
    }

    PubSubService service(Predicate<BareJid> mayCreate) {
        return new PubSubService(jid("pubsub." + domain).asBareJid(), repository,
                ServicePolicy.service(NodeConfig.serviceDefaults(10), 100, mayCreate), this, clock(),
                () -> "id" + counter.incrementAndGet());
    }

    PubSubService pep(String account) {
        BareJid owner = jid(account).asBareJid();
        return new PubSubService(owner, repository, ServicePolicy.pep(owner, NodeConfig.pepDefaults(), 100), this,
                clock(), () -> "id" + counter.incrementAndGet());
    }

    private Clock clock() {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }

    /** {@code localpart@domain[/resource]} in this fixture's domain. */
    Jid jid(String local) {
        return JidCreate.fromOrThrowUnchecked(local.contains(".") ? local : local.replaceFirst("^([^/]+)", "$1@" + domain));
    }

    void roster(String owner, String contact, boolean presence, String... groups) {
        rosters.computeIfAbsent(jid(owner).asBareJid(), o -> new HashMap<>()).put(jid(contact).asBareJid(),
                Set.of(groups));
        String key = jid(owner).asBareJid() + " " + jid(contact).asBareJid();
        if (presence) {
            presenceSubscriptions.add(key);
        } else {
            presenceSubscriptions.remove(key);
        }
    }

    @Override
    public boolean isSubscribedToPresence(BareJid owner, BareJid contact) {
        return presenceSubscriptions.contains(owner + " " + contact);
    }

    @Override
    public boolean isAvailable(Jid jid) {
        return !offline.contains(jid);
    }

    /** The PEP service of {@code account} holding at most {@code maxNodes} nodes. */
    PubSubService pep(String account, int maxNodes) {
        BareJid owner = jid(account).asBareJid();
        return new PubSubService(owner, repository, ServicePolicy.pep(owner, NodeConfig.pepDefaults(), 100, maxNodes),
                this, clock(), () -> "id" + counter.incrementAndGet());
    }

    @Override
    public Set<String> rosterGroups(BareJid owner, BareJid contact) {
        return rosters.getOrDefault(owner, Map.of()).getOrDefault(contact, Set.of());
    }

    /** Storage on H2 in {@code dir}, for a test class to share between fixtures. */
    static Storage openStorage(Path dir) {
        return Storage.open(StorageConfig.defaults(), dir);
    }
}
