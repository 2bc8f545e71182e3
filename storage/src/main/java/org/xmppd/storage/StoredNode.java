package org.xmppd.storage;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.jxmpp.jid.BareJid;

/**
 * A XEP-0060 node as a {@link NodeStore} keeps it.
 *
 * @param service the service holding it: a pubsub domain ({@code pubsub.example.org}) or an
 *                account's bare JID for its personal eventing (XEP-0163) nodes
 * @param name    the NodeID, unique within the service
 * @param config  configuration field ({@code pubsub#max_items}...) to its values, as the pubsub
 *                module writes them; sorted by field, values in their order
 * @param created when the node was created (to the millisecond)
 */
public record StoredNode(BareJid service, String name, Map<String, List<String>> config, Instant created) {
    public StoredNode {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(created, "created");
        TreeMap<String, List<String>> copy = new TreeMap<>();
        config.forEach((field, values) -> copy.put(field, List.copyOf(values)));
        config = Collections.unmodifiableSortedMap(copy);
    }

    /** The same node with another configuration. */
    public StoredNode withConfig(Map<String, List<String>> newConfig) {
        return new StoredNode(service, name, newConfig, created);
    }
}
