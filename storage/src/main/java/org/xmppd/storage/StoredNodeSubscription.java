package org.xmppd.storage;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.jxmpp.jid.Jid;

/**
 * A subscription to a node (XEP-0060 §6.1) as a {@link NodeStore} keeps it.
 *
 * @param jid     the subscribed JID, bare or full
 * @param subid   the SubID telling several subscriptions of one JID apart (§6.1.6)
 * @param state   {@code subscribed}, {@code pending} or {@code unconfigured}
 * @param options subscription option field ({@code pubsub#deliver}...) to value (§6.3); sorted
 */
public record StoredNodeSubscription(Jid jid, String subid, String state, Map<String, String> options) {
    public StoredNodeSubscription {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(subid, "subid");
        Objects.requireNonNull(state, "state");
        options = Collections.unmodifiableSortedMap(new TreeMap<>(options));
    }
}
