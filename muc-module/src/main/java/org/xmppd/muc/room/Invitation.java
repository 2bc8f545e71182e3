package org.xmppd.muc.room;

import org.jxmpp.jid.BareJid;

/**
 * A mediated invitation (XEP-0045 §7.8.2).
 *
 * @param inviter            the occupant inviting
 * @param inviterAffiliation the inviter's affiliation
 * @param invitee            who is invited
 * @param inviteeAffiliation the invitee's affiliation before the invitation
 */
public record Invitation(Occupant inviter, Affiliation inviterAffiliation, BareJid invitee,
        Affiliation inviteeAffiliation) {
}
