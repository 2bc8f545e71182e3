package org.xmppd.pubsub.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.xmppd.storage.StoredItem;
import org.xmppd.storage.StoredNodeAffiliation;

/**
 * One publish-subscribe service: the nodes under one JID (a pubsub domain, or an account for
 * XEP-0163), with XEP-0060's rules and no XML. Instances are cheap: the state lives in the shared
 * {@link NodeRepository}, so a PEP service may be made per request.
 * <pre>
 * Result&lt;String&gt; r = service.publish(alice, "news", null, "&lt;entry xmlns='http://www.w3.org/2005/Atom'/&gt;", true, null);
 * r.value();          // the generated ItemID
 * r.notifications();  // one Published to every subscriber
 * </pre>
 */
public final class PubSubService {
    private final BareJid jid;
    private final NodeRepository repository;
    private final ServicePolicy policy;
    private final AccessRules rules;
    private final Clock clock;
    private final Supplier<String> ids;
    private final Subscriptions subscriptions;
    private final Owning owning;

    /**
     * @param jid the service's address: the pubsub domain or the PEP account
     * @param ids generates ItemIDs, SubIDs and instant NodeIDs
     */
    public PubSubService(BareJid jid, NodeRepository repository, ServicePolicy policy, Relations relations,
            Clock clock, Supplier<String> ids) {
        this.jid = Objects.requireNonNull(jid, "jid");
        this.repository = repository;
        this.policy = policy;
        this.rules = new AccessRules(policy, relations);
        this.clock = clock;
        this.ids = ids;
        this.subscriptions = new Subscriptions(this, rules, ids);
        this.owning = new Owning(this, rules);
    }

    public BareJid jid() {
        return jid;
    }

    public ServicePolicy policy() {
        return policy;
    }

    /** The node, if it exists (for disco and the protocol layer's own checks). */
    public Optional<NodeSnapshot> node(String name) {
        return repository.find(jid, name);
    }

    /** The service's nodes {@code actor} may see (§5.2): those whose items it may retrieve, sorted. */
    public List<String> visibleNodes(Jid actor) {
        List<String> visible = new ArrayList<>();
        for (String name : repository.names(jid)) {
            repository.find(jid, name).filter(n -> rules.mayAccess(n, actor)).ifPresent(n -> visible.add(name));
        }
        return visible;
    }

    /** Whether {@code jid} may see the node's items: for choosing who gets PEP notifications. */
    public boolean mayAccess(NodeSnapshot node, Jid who) {
        return rules.mayAccess(node, who);
    }

    // ---- Node life cycle (§8.1-§8.5), in Owning ----

    /** §8.1: creates {@code name} (an instant node when null) with {@code config} fields applied to the defaults. */
    public Result<String> create(Jid actor, String name, Map<String, List<String>> config) {
        return owning.create(actor, name, config);
    }

    /** §8.2: the node's configuration, for an owner. */
    public Result<NodeConfig> configuration(Jid actor, String node) {
        return locked(node, () -> {
            NodeSnapshot snapshot = require(node);
            rules.requireOwner(snapshot, actor);
            return Result.ok(snapshot.config());
        });
    }

    /** §8.2.3: applies submitted configuration fields. */
    public Result<NodeConfig> configure(Jid actor, String node, Map<String, List<String>> fields) {
        return owning.configure(actor, node, fields);
    }

    /** §8.4: deletes the node, telling subscribers about {@code redirect} (may be null). */
    public Result<Void> delete(Jid actor, String node, String redirect) {
        return owning.delete(actor, node, redirect);
    }

    /** §8.5: removes every item. */
    public Result<Void> purge(Jid actor, String node) {
        return owning.purge(actor, node);
    }

    /** §8.9.1: the node's affiliations, for an owner. */
    public Result<Map<BareJid, Affiliation>> affiliations(Jid actor, String node) {
        return owning.affiliations(actor, node);
    }

    /** §8.9.2: sets affiliations (none removes one). */
    public Result<Void> setAffiliations(Jid actor, String node, Map<BareJid, Affiliation> changes) {
        return owning.setAffiliations(actor, node, changes);
    }

    /** §5.7: {@code actor}'s affiliations with every node (or one node) of the service. */
    public Result<Map<String, Affiliation>> affiliationsOf(Jid actor, String nodeOrNull) {
        return owning.affiliationsOf(actor, nodeOrNull);
    }

    /** A deleted account leaves {@code node} (subscriptions, affiliation; a node it alone owned goes). */
    public Result<Void> removeEntity(BareJid gone, String node) {
        return owning.removeEntity(gone, node);
    }

    // ---- Subscriptions (§6, §8.6-§8.8), in Subscriptions ----

    /** §6.1: subscribes {@code subscriber} (which must be {@code actor}'s own JID). */
    public Result<Subscription> subscribe(Jid actor, String node, Jid subscriber, Map<String, String> options) {
        return subscriptions.subscribe(actor, node, subscriber, options);
    }

    /** §6.2: ends a subscription; {@code subid} may be null when the JID has only one. */
    public Result<Void> unsubscribe(Jid actor, String node, Jid subscriber, String subid) {
        return subscriptions.unsubscribe(actor, node, subscriber, subid);
    }

    /** §6.3.2: a subscription, for its options. */
    public Result<Subscription> subscription(Jid actor, String node, Jid subscriber, String subid) {
        return subscriptions.find(actor, node, subscriber, subid);
    }

    /** §6.3.5: replaces a subscription's options. */
    public Result<Subscription> setOptions(Jid actor, String node, Jid subscriber, String subid,
            Map<String, String> options) {
        return subscriptions.setOptions(actor, node, subscriber, subid, options);
    }

    /** §5.6: {@code actor}'s subscriptions (its bare and full JIDs) to every node or one node. */
    public Result<List<Subscription>> subscriptionsOf(Jid actor, String nodeOrNull) {
        return subscriptions.of(actor, nodeOrNull);
    }

    /** §8.8.1: every subscription to the node, for an owner. */
    public Result<List<Subscription>> subscriptions(Jid actor, String node) {
        return subscriptions.all(actor, node);
    }

    /** §8.8.2: sets subscription states (none removes; subscribed approves a pending one). */
    public Result<Void> setSubscriptions(Jid actor, String node, List<Subscription> changes) {
        return subscriptions.set(actor, node, changes);
    }

    /** §8.6.2: an owner's answer to an authorization request. */
    public Result<Void> authorize(Jid actor, String node, Jid subscriber, String subid, boolean allow) {
        return subscriptions.authorize(actor, node, subscriber, subid, allow);
    }

    // ---- Publishing and items (§6.5, §7) ----

    /**
     * §7.1: publishes. {@code hasItem} false is a publication without item (transient notification
     * nodes, §7.1.3.6); {@code itemId} null lets the service pick one; {@code payload} is empty
     * for an item without payload; {@code publishOptions} (XEP-0223 preconditions) may be null.
     *
     * @return the ItemID, or null for a publication without item
     */
    public Result<String> publish(Jid actor, String node, String itemId, String payload, boolean hasItem,
            Map<String, List<String>> publishOptions) {
        return locked(node, () -> {
            Optional<NodeSnapshot> existing = repository.find(jid, node);
            List<Notification> notifications = new ArrayList<>();
            NodeSnapshot snapshot = existing.isPresent() ? checkPreconditions(existing.get(), publishOptions)
                    : owning.autoCreate(actor, node, publishOptions);
            rules.requirePublisher(snapshot, actor);
            NodeConfig config = snapshot.config();
            checkItem(config, hasItem, payload);
            if (!hasItem) {
                notifications.add(published(snapshot, List.of(), rules.recipients(snapshot)));
                return Result.ok(null, notifications);
            }
            Item item = new Item(itemId == null || itemId.isEmpty() ? ids.get() : itemId, actor, payload,
                    clock.instant());
            if (config.persistItems()) {
                repository.store().publish(jid, node, toStored(item), config.maxItems());
            }
            if (config.deliverNotifications()) {
                notifications.add(published(snapshot, List.of(item), rules.recipients(snapshot)));
            }
            return Result.ok(item.id(), notifications);
        });
    }

    /** XEP-0223 §4 / XEP-0060 §7.1.5: every option must already hold, or precondition-not-met. */
    private NodeSnapshot checkPreconditions(NodeSnapshot snapshot, Map<String, List<String>> options)
            throws Refusal {
        if (options == null || options.isEmpty()) {
            return snapshot;
        }
        NodeConfig wanted;
        try {
            wanted = NodeConfigFields.apply(snapshot.config(), options, policy.maxItemsLimit());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw new Refusal(PubSubError.PRECONDITION_NOT_MET, e.getMessage());
        }
        if (!wanted.equals(snapshot.config())) {
            throw new Refusal(PubSubError.PRECONDITION_NOT_MET,
                    "The publish-options do not match the configuration of node " + snapshot.name());
        }
        return snapshot;
    }

    /** §7.1.3.6: what a publication must carry, by the node's persistence and payload delivery. */
    private static void checkItem(NodeConfig config, boolean hasItem, String payload) throws Refusal {
        boolean transientNotification = !config.persistItems() && !config.deliverPayloads();
        if (transientNotification && hasItem && !payload.isEmpty()) {
            throw new Refusal(PubSubError.ITEM_FORBIDDEN, "A transient notification node takes no items");
        }
        if (!transientNotification && !hasItem) {
            throw new Refusal(PubSubError.ITEM_REQUIRED, "Publish an item to this node");
        }
        if (hasItem && config.deliverPayloads() && payload.isEmpty()) {
            throw new Refusal(PubSubError.PAYLOAD_REQUIRED, "This node delivers payloads: the item needs one");
        }
    }

    /** §7.2: retracts an item; subscribers hear of it when {@code notify} or the node says so. */
    public Result<Void> retract(Jid actor, String node, String itemId, boolean notify) {
        return locked(node, () -> {
            NodeSnapshot snapshot = require(node);
            if (itemId == null || itemId.isEmpty()) {
                throw new Refusal(PubSubError.ITEM_ID_REQUIRED, "Name the item to retract");
            }
            Affiliation affiliation = rules.affiliation(snapshot, actor);
            if (!affiliation.mayPublish()) {
                throw new Refusal(PubSubError.FORBIDDEN, "Only owners and publishers retract items");
            }
            if (!snapshot.config().persistItems()) {
                throw new Refusal(PubSubError.PERSISTENCE_UNSUPPORTED, "Node " + node + " keeps no items");
            }
            StoredItem item = repository.store().item(jid, node, itemId)
                    .orElseThrow(() -> new Refusal(PubSubError.ITEM_NOT_FOUND, "No item " + itemId));
            if (affiliation != Affiliation.OWNER && !item.publisher().asBareJid().equals(actor.asBareJid())) {
                throw new Refusal(PubSubError.FORBIDDEN, "Publishers retract only their own items");
            }
            repository.store().retract(jid, node, itemId);
            if (notify || snapshot.config().notifyRetract()) {
                return Result.ok(null, List.of(new Notification.Retracted(jid, node, snapshot.config(),
                        List.of(itemId), rules.recipients(snapshot))));
            }
            return Result.ok(null);
        });
    }

    /**
     * §6.5: items {@code actor} may see: those named by {@code itemIds}, else the newest
     * {@code max} (all when {@code max <= 0}), newest first.
     */
    public Result<List<Item>> items(Jid actor, String node, List<String> itemIds, int max) {
        try {
            NodeSnapshot snapshot = require(node);
            rules.requireAccess(snapshot, actor, false);
            expire(snapshot);
            if (itemIds.isEmpty()) {
                return Result.ok(repository.store().items(jid, node, max).stream().map(PubSubService::toItem)
                        .toList());
            }
            List<Item> found = new ArrayList<>();
            for (String id : itemIds) {
                repository.store().item(jid, node, id).map(PubSubService::toItem).ifPresent(found::add);
            }
            if (found.isEmpty()) {
                throw new Refusal(PubSubError.ITEM_NOT_FOUND, "No such item in node " + node);
            }
            return Result.ok(found);
        } catch (Refusal refused) {
            return refused.result();
        }
    }

    /** The newest item, if the node keeps one and {@code recipient} may see it. */
    public Optional<Item> lastItemFor(NodeSnapshot snapshot, Jid recipient) {
        if (!snapshot.config().persistItems() || !rules.mayAccess(snapshot, recipient)) {
            return Optional.empty();
        }
        expire(snapshot);
        return repository.store().items(jid, snapshot.name(), 1).stream().findFirst().map(PubSubService::toItem);
    }

    /** §8.3: the configuration new nodes get. */
    public NodeConfig defaultConfig() {
        return policy.defaults();
    }

    private void expire(NodeSnapshot snapshot) {
        if (!snapshot.config().itemExpire().isZero()) {
            repository.store().expire(jid, snapshot.name(), clock.instant().minus(snapshot.config().itemExpire()));
        }
    }

    // ---- Shared plumbing for the operation classes ----

    /** One engine operation; a {@link Refusal} ends it with nothing changed. */
    @FunctionalInterface
    interface Operation<T> {
        Result<T> run() throws Refusal;
    }

    /** Runs {@code operation} under the node's lock. */
    <T> Result<T> locked(String node, Operation<T> operation) {
        ReentrantLock lock = repository.lock(jid, node);
        lock.lock();
        try {
            return operation.run();
        } catch (Refusal refused) {
            return refused.result();
        } finally {
            lock.unlock();
        }
    }

    NodeSnapshot require(String node) throws Refusal {
        if (node == null || node.isEmpty()) {
            throw new Refusal(PubSubError.NODE_NOT_FOUND, "Name the node");
        }
        return repository.find(jid, node)
                .orElseThrow(() -> new Refusal(PubSubError.NODE_NOT_FOUND, "No node " + node + " at " + jid));
    }

    NodeRepository repository() {
        return repository;
    }

    Clock clock() {
        return clock;
    }

    String newId() {
        return ids.get();
    }

    Notification.Published published(NodeSnapshot snapshot, List<Item> items, List<Recipient> recipients) {
        return new Notification.Published(jid, snapshot.name(), snapshot.config(), items, recipients);
    }

    private static StoredItem toStored(Item item) {
        return new StoredItem(item.id(), item.publisher(), item.payload(), item.published());
    }

    static Item toItem(StoredItem item) {
        return new Item(item.id(), item.publisher(), item.payload(), item.published());
    }

    static StoredNodeAffiliation toStored(BareJid who, Affiliation affiliation) {
        return new StoredNodeAffiliation(who, affiliation.value());
    }
}
