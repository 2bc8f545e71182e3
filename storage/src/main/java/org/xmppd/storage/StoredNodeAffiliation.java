package org.xmppd.storage;

import java.util.Objects;

import org.jxmpp.jid.BareJid;

/**
 * A JID's affiliation with a node (XEP-0060 §4.1) as a {@link NodeStore} keeps it.
 *
 * @param jid         a bare JID, or a domain JID for a whole server
 * @param affiliation {@code owner}, {@code publisher}, {@code publish-only}, {@code member} or
 *                    {@code outcast} ({@code none} is the absence of a row)
 */
public record StoredNodeAffiliation(BareJid jid, String affiliation) {
    public StoredNodeAffiliation {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(affiliation, "affiliation");
    }
}
