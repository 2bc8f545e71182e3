package org.xmppd.storage;

import java.util.Objects;

import org.jxmpp.jid.BareJid;

/**
 * A user's (or a whole server's) lasting standing in a room (XEP-0045 §5.2).
 *
 * @param jid         a bare JID, or a domain JID for a whole server
 * @param affiliation {@code owner}, {@code admin}, {@code member} or {@code outcast}
 * @param nick        the nickname reserved by a registered member (§7.10), or null
 * @param reason      why it was given (kept for ban lists, §9.2), or null
 */
public record StoredAffiliation(BareJid jid, String affiliation, String nick, String reason) {
    public StoredAffiliation {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(affiliation, "affiliation");
    }
}
