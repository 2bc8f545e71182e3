package org.xmppd.muc.room;

import org.jxmpp.jid.EntityFullJid;

/**
 * Someone asking to enter a room (XEP-0045 §7.2).
 *
 * @param session     the real full JID
 * @param nick        the nickname asked for
 * @param affiliation their affiliation with the room
 * @param password    the password they gave (§7.2.6), or null
 * @param newOccupant false when the user is already in under this nickname from another resource
 */
public record JoinAttempt(EntityFullJid session, String nick, Affiliation affiliation, String password,
        boolean newOccupant) {
}
