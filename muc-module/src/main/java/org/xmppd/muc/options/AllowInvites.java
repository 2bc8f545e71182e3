package org.xmppd.muc.options;

import java.util.Optional;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.muc.room.Affiliation;
import org.xmppd.muc.room.Invitation;
import org.xmppd.muc.room.Room;
import org.xmppd.muc.room.RoomOptions;

/**
 * XEP-0045 §10.2 {@code muc#roomconfig_allowinvites}: in a members-only room, where an invitation
 * grants membership, only admins and owners invite unless this is on (§7.8.2: {@code forbidden}).
 * Invitations to open rooms are mere notices and always allowed.
 */
public final class AllowInvites extends FlagOption {
    public AllowInvites() {
        super(RoomOptions.ALLOW_INVITES, "Allow Occupants to Invite Others", null, null);
    }

    @Override
    public Optional<Affiliation> onInvite(Room room, Invitation invitation) throws StanzaErrorException {
        if (room.config().get(RoomOptions.MEMBERS_ONLY) && !isOn(room)
                && !invitation.inviterAffiliation().atLeast(Affiliation.ADMIN)) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "Only admins invite to this room");
        }
        return Optional.empty();
    }
}
