package org.xmppd.storage;

import java.util.Objects;

import org.jxmpp.jid.BareJid;

/**
 * Where a node lives: its service (a pubsub domain or a PEP account) and its NodeID.
 *
 * @param service the service's JID
 * @param node    the NodeID
 */
public record NodeAddress(BareJid service, String node) {
    public NodeAddress {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(node, "node");
    }
}
