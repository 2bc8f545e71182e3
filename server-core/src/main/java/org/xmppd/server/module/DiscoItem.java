package org.xmppd.server.module;

import org.jxmpp.jid.Jid;

/**
 * A XEP-0030 item: an entity, or one of its nodes (§4.2), listed in another's disco#items.
 *
 * @param jid  the entity
 * @param node the node of the entity, or null for the entity itself
 * @param name a human-readable name, or null
 */
public record DiscoItem(Jid jid, String node, String name) {
    /** An entity without node. */
    public DiscoItem(Jid jid, String name) {
        this(jid, null, name);
    }
}
