package org.xmppd.muc.room;

import java.util.Objects;
import org.jxmpp.jid.BareJid;

/**
 * A JID's affiliation with a room (XEP-0045 §5.2).
 *
 * @param jid         a bare JID, or a domain JID standing for a whole server (bans, §9.1)
 * @param affiliation never {@link Affiliation#NONE}: none is the absence of an entry
 * @param nick        the nickname reserved by registration (§7.10), or null
 * @param reason      why it was given, or null
 */
public record AffiliationEntry(BareJid jid, Affiliation affiliation, String nick, String reason) {
    public AffiliationEntry {
        Objects.requireNonNull(jid, "jid");
        if (affiliation == null || affiliation == Affiliation.NONE) {
            throw new IllegalArgumentException("an affiliation entry is owner, admin, member or outcast");
        }
    }
}
