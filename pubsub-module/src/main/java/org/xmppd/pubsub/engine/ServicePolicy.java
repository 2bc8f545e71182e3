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
 */
public record ServicePolicy(BareJid owner, boolean autoCreate, NodeConfig defaults, int maxItemsLimit,
        Predicate<BareJid> mayCreate) {
    public ServicePolicy {
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(mayCreate, "mayCreate");
        if (maxItemsLimit < 1) {
            throw new IllegalArgumentException("maxItemsLimit must be at least 1");
        }
    }

    /** A pubsub domain where {@code mayCreate} entities create nodes explicitly. */
    public static ServicePolicy service(NodeConfig defaults, int maxItemsLimit, Predicate<BareJid> mayCreate) {
        return new ServicePolicy(null, false, defaults, maxItemsLimit, mayCreate);
    }

    /** The PEP service of {@code account}: only the account creates, by publishing or explicitly. */
    public static ServicePolicy pep(BareJid account, NodeConfig defaults, int maxItemsLimit) {
        return new ServicePolicy(account, true, defaults, maxItemsLimit, account::equals);
    }
}
