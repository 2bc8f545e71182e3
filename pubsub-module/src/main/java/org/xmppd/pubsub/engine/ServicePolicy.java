package org.xmppd.pubsub.engine;

import java.util.Objects;
import java.util.function.Predicate;

import org.jxmpp.jid.BareJid;

/**
 * How one service differs from another: a pubsub domain lets its users create nodes; an account's
 * PEP service (XEP-0163) belongs to the account, which owns every node and creates them by
 * publishing.
 *
 * @param owner         the JID owning every node of the service (the PEP account), or null
 * @param autoCreate    publishing to a missing node creates it (XEP-0060 §7.1.4, XEP-0163 §3)
 * @param defaults      the configuration of new nodes (§8.3)
 * @param maxItemsLimit the most items a node may keep ({@code pubsub#max_items} {@code max})
 * @param mayCreate     who may create nodes
 * @param maxNodes      the most nodes the service holds (a limit per PEP account); 0 for no limit
 */
public record ServicePolicy(BareJid owner, boolean autoCreate, NodeConfig defaults, int maxItemsLimit,
        Predicate<BareJid> mayCreate, int maxNodes) {
    public ServicePolicy {
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(mayCreate, "mayCreate");
        if (maxItemsLimit < 1) {
            throw new IllegalArgumentException("maxItemsLimit must be at least 1");
        }
        if (maxNodes < 0) {
            throw new IllegalArgumentException("maxNodes must not be negative");
        }
    }

    /** A pubsub domain where {@code mayCreate} entities create nodes explicitly. */
    public static ServicePolicy service(NodeConfig defaults, int maxItemsLimit, Predicate<BareJid> mayCreate) {
        return new ServicePolicy(null, false, defaults, maxItemsLimit, mayCreate, 0);
    }

    /** The PEP service of {@code account}: only the account creates, by publishing or explicitly. */
    public static ServicePolicy pep(BareJid account, NodeConfig defaults, int maxItemsLimit) {
        return pep(account, defaults, maxItemsLimit, 0);
    }

    /** {@link #pep(BareJid, NodeConfig, int)} holding at most {@code maxNodes} nodes (0: no limit). */
    public static ServicePolicy pep(BareJid account, NodeConfig defaults, int maxItemsLimit, int maxNodes) {
        return new ServicePolicy(account, true, defaults, maxItemsLimit, account::equals, maxNodes);
    }
}
