package org.xmppd.pubsub.engine;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.jxmpp.jid.BareJid;
import org.xmppd.storage.NodeAddress;
import org.xmppd.storage.NodeStore;
import org.xmppd.storage.StoredNode;
import org.xmppd.storage.StoredNodeAffiliation;
import org.xmppd.storage.StoredNodeSubscription;

/**
 * The nodes of every service, read through a bounded cache of immutable {@link NodeSnapshot}s over
 * the {@link NodeStore}. Changes to one node happen under its lock (striped: a fixed number of
 * locks, whatever the number of nodes): read the snapshot, write the store, replace the snapshot.
 * An evicted snapshot is read again from the store, so eviction never loses a change.
 * Shared by all services (the pubsub domain and every PEP account) of a server.
 */
public final class NodeRepository {
    private static final int STRIPES = 256;

    private record Key(BareJid service, String node) {
    }

    private final NodeStore store;
    private final NodeConfig fallback;
    private final int maxItemsLimit;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    private final Map<Key, NodeSnapshot> cache;

    /**
     * @param cacheSize     how many nodes to keep in memory
     * @param maxItemsLimit the limit applied when reading stored configurations
     */
    public NodeRepository(NodeStore store, int cacheSize, int maxItemsLimit) {
        this.store = store;
        this.maxItemsLimit = maxItemsLimit;
        this.fallback = NodeConfig.serviceDefaults(1);
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
        this.cache = new LinkedHashMap<>(Math.min(cacheSize, 1024), 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, NodeSnapshot> eldest) {
                return size() > cacheSize;
            }
        };
    }

    NodeStore store() {
        return store;
    }

    /** The lock to hold while changing a node; use with try/finally and never take a second one. */
    ReentrantLock lock(BareJid service, String node) {
        return locks[Math.floorMod(new Key(service, node).hashCode(), STRIPES)];
    }

    /** The node, from the cache or the store. */
    Optional<NodeSnapshot> find(BareJid service, String node) {
        Key key = new Key(service, node);
        synchronized (cache) {
            NodeSnapshot cached = cache.get(key);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        Optional<NodeSnapshot> loaded = store.node(service, node).map(this::load);
        loaded.ifPresent(this::remember);
        return loaded;
    }

    /** The names of a service's nodes, sorted. */
    public List<String> names(BareJid service) {
        return store.nodes(service).stream().map(StoredNode::name).toList();
    }

    void remember(NodeSnapshot snapshot) {
        synchronized (cache) {
            cache.put(new Key(snapshot.service(), snapshot.name()), snapshot);
        }
    }

    void forget(BareJid service, String node) {
        synchronized (cache) {
            cache.remove(new Key(service, node));
        }
    }

    /** Deletes every node of {@code service} (a deleted account's PEP nodes) and forgets them. */
    public void deleteService(BareJid service) {
        store.deleteService(service);
        forgetService(service);
    }

    /** The nodes of every service {@code jid} is subscribed or affiliated to. */
    public List<NodeAddress> nodesWith(BareJid jid) {
        return store.nodesWith(jid);
    }

    /** Forgets every cached node of {@code service} (its nodes were removed behind the cache). */
    public void forgetService(BareJid service) {
        synchronized (cache) {
            cache.keySet().removeIf(k -> k.service().equals(service));
        }
    }

    StoredNode toStored(NodeSnapshot snapshot) {
        return new StoredNode(snapshot.service(), snapshot.name(), NodeConfigFields.toFields(snapshot.config()),
                snapshot.created());
    }

    private NodeSnapshot load(StoredNode stored) {
        NodeConfig config = NodeConfigFields.apply(fallback, stored.config(), maxItemsLimit);
        Map<BareJid, Affiliation> affiliations = new HashMap<>();
        for (StoredNodeAffiliation a : store.affiliations(stored.service(), stored.name())) {
            Affiliation.fromValue(a.affiliation()).ifPresent(value -> affiliations.put(a.jid(), value));
        }
        List<Subscription> subscriptions = store.subscriptions(stored.service(), stored.name()).stream()
                .map(s -> toSubscription(stored.name(), s)).toList();
        return new NodeSnapshot(stored.service(), stored.name(), config, stored.created(), affiliations,
                subscriptions);
    }

    private static Subscription toSubscription(String node, StoredNodeSubscription s) {
        SubscriptionState state = SubscriptionState.fromValue(s.state()).orElse(SubscriptionState.NONE);
        return new Subscription(node, s.jid(), s.subid(), state, s.options());
    }

    static StoredNodeSubscription toStored(Subscription s) {
        return new StoredNodeSubscription(s.jid(), s.subid(), s.state().value(), s.options());
    }
}
