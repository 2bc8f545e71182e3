package org.xmppd.pubsub.engine;

import java.util.Map;
import java.util.Objects;

import org.jxmpp.jid.Jid;

/**
 * One subscription to a node (XEP-0060 §6.1).
 *
 * @param node    the node
 * @param jid     the subscribed JID, bare or full
 * @param subid   the SubID
 * @param state   subscribed or pending
 * @param options {@code pubsub#subscribe_options} field to value (§6.3)
 */
public record Subscription(String node, Jid jid, String subid, SubscriptionState state, Map<String, String> options) {
    /** §6.3.7 {@code pubsub#deliver}: whether notifications are wanted now. */
    public static final String DELIVER = "pubsub#deliver";

    public Subscription {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(subid, "subid");
        Objects.requireNonNull(state, "state");
        options = Map.copyOf(options);
    }

    /** Whether item notifications go to this subscription now. */
    public boolean receivesNotifications() {
        return state == SubscriptionState.SUBSCRIBED && !"0".equals(options.get(DELIVER))
                && !"false".equals(options.get(DELIVER));
    }

    public Subscription withState(SubscriptionState newState) {
        return new Subscription(node, jid, subid, newState, options);
    }

    public Subscription withOptions(Map<String, String> newOptions) {
        return new Subscription(node, jid, subid, state, newOptions);
    }
}
