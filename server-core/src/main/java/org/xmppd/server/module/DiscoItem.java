package org.xmppd.server.module;

import org.jxmpp.jid.Jid;

/** A XEP-0030 item: an entity listed in another's disco#items. */
public record DiscoItem(Jid jid, String name) {
}
