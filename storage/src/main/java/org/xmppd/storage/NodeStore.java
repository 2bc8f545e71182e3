package org.xmppd.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

/**
 * XEP-0060 publish-subscribe nodes with their items, subscriptions and affiliations, for the
 * pubsub service ({@code pubsub.example.org}) and every account's personal eventing service
 * (XEP-0163, the account's bare JID). The pubsub module owns what the configuration means; the
 * store keeps it as field name to values, so a new node option needs no schema change.
 *
 * <p>Methods may block and are thread-safe; backend failures are {@link StorageException}s.
 * Operations on the items, subscriptions or affiliations of a node that does not exist change
 * nothing and return empty results.
 */
public interface NodeStore {
    /** Every node of {@code service}, sorted by name ({@link String#compareTo}). */
    List<StoredNode> nodes(BareJid service);

    Optional<StoredNode> node(BareJid service, String name);

    /** Creates the node; false (and nothing changed) when the service already has one of that name. */
    boolean create(StoredNode node);

    /** Replaces the configuration of an existing node; false when there is no such node. */
    boolean update(StoredNode node);

    /** Removes the node with its items, subscriptions and affiliations; false when there was none. */
    boolean delete(BareJid service, String name);

    /** Removes every node of {@code service} (an account's PEP nodes when it is deleted). */
    void deleteService(BareJid service);

    /**
     * Stores {@code item} as the newest of its node, replacing an item with the same id, then
     * keeps only the newest {@code maxItems} items (no limit when {@code maxItems <= 0}).
     *
     * @return the ids of the items dropped to keep the limit, oldest first
     */
    List<String> publish(BareJid service, String node, StoredItem item, int maxItems);

    /** The newest {@code max} items (all when {@code max <= 0}), newest first. */
    List<StoredItem> items(BareJid service, String node, int max);

    Optional<StoredItem> item(BareJid service, String node, String id);

    /** Removes one item; false when there was none. */
    boolean retract(BareJid service, String node, String id);

    /** Removes every item of the node; returns how many there were. */
    int purge(BareJid service, String node);

    /** Removes the items published before {@code cutoff} (item expiry); returns their ids. */
    List<String> expire(BareJid service, String node, Instant cutoff);

    /** The node's affiliations, sorted by JID ({@link String#compareTo} of the JID text). */
    List<StoredNodeAffiliation> affiliations(BareJid service, String node);

    /** Sets {@code affiliation.jid()}'s affiliation, replacing any previous one. */
    void setAffiliation(BareJid service, String node, StoredNodeAffiliation affiliation);

    /** Removes one affiliation (back to none); false when there was none. */
    boolean removeAffiliation(BareJid service, String node, BareJid jid);

    /** The node's subscriptions, sorted by JID then SubID. */
    List<StoredNodeSubscription> subscriptions(BareJid service, String node);

    /** Stores a subscription, replacing the one with the same JID and SubID. */
    void putSubscription(BareJid service, String node, StoredNodeSubscription subscription);

    /** Removes one subscription; false when there was none. */
    boolean removeSubscription(BareJid service, String node, Jid jid, String subid);

    /**
     * The nodes of every service where {@code jid} has an affiliation, or {@code jid} or one of
     * its full JIDs a subscription (for removing a deleted account from them), sorted by service
     * then node. May scan: it serves rare operations.
     */
    List<NodeAddress> nodesWith(BareJid jid);
}
