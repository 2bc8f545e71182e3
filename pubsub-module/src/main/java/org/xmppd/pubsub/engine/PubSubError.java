package org.xmppd.pubsub.engine;

/**
 * Why the engine refused an operation. The protocol layer maps each to its XEP-0060 stanza error
 * and {@code pubsub#errors} condition; the names follow that condition where there is one.
 */
public enum PubSubError {
    /** §5-§8: the node does not exist (item-not-found). */
    NODE_NOT_FOUND,
    /** §6.5.9.11, §7.2.3.3: no such item (item-not-found). */
    ITEM_NOT_FOUND,
    /** §8.1.3: a node of that name exists (conflict). */
    NODE_EXISTS,
    /** Insufficient privileges (forbidden): not an owner, not a publisher, an outcast. */
    FORBIDDEN,
    /** XEP-0223 / §7.1.5: publish-options do not match the node (conflict + precondition-not-met). */
    PRECONDITION_NOT_MET,
    /** §6.1.3.1: subscribing another JID than one's own (bad-request + invalid-jid). */
    INVALID_JID,
    /** §6.1.3.2 presence access (not-authorized + presence-subscription-required). */
    PRESENCE_SUBSCRIPTION_REQUIRED,
    /** §6.1.3.3 roster access (not-authorized + not-in-roster-group). */
    NOT_IN_ROSTER_GROUP,
    /** §6.1.3.4 whitelist access (not-allowed + closed-node). */
    CLOSED_NODE,
    /** §6.1.3.6 / §6.5.9.5: the subscription awaits approval (not-authorized + pending-subscription). */
    PENDING_SUBSCRIPTION,
    /** §6.2.3.2, §6.5.9.2: not subscribed (unexpected-request / not-authorized + not-subscribed). */
    NOT_SUBSCRIBED,
    /** §6.2.3.1: several subscriptions and no SubID (bad-request + subid-required). */
    SUBID_REQUIRED,
    /** §6.2.3.3: no subscription with that SubID (not-acceptable + invalid-subid). */
    INVALID_SUBID,
    /** §6.1.3.x: the node does not allow subscriptions (not-allowed). */
    SUBSCRIPTIONS_CLOSED,
    /** §6.3.6: bad subscription options (bad-request + invalid-options). */
    INVALID_OPTIONS,
    /** §7.1.3.6: an item on a transient notification node (bad-request + item-forbidden). */
    ITEM_FORBIDDEN,
    /** §7.1.3.6: no item where one is needed (bad-request + item-required). */
    ITEM_REQUIRED,
    /** §7.1.3.6: an item without the payload the node delivers (bad-request + payload-required). */
    PAYLOAD_REQUIRED,
    /** §7.2.3.4: retracting needs an ItemID (bad-request + item-required). */
    ITEM_ID_REQUIRED,
    /** §7.2.3.5 / §8.5.3.2: the node keeps no items (feature-not-implemented + persistent-items). */
    PERSISTENCE_UNSUPPORTED,
    /** A service's node limit (a PEP account's) is reached (not-allowed + max-nodes-exceeded). */
    MAX_NODES_EXCEEDED,
    /** §8.1.2: collection nodes are not offered (feature-not-implemented + collections). */
    COLLECTIONS_UNSUPPORTED,
    /** §8.2.5 / §8.1.3: a configuration value is not acceptable (not-acceptable). */
    BAD_CONFIGURATION,
    /** §8.9.2.4 / §8.8.2.4: an owner cannot remove the last owner, entries name bad JIDs (not-acceptable). */
    NOT_ACCEPTABLE
}
