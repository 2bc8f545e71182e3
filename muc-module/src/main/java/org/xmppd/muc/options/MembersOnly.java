package org.xmppd.muc.options;

import java.util.Optional;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.muc.room.Affiliation;
import org.xmppd.muc.room.Invitation;
import org.xmppd.muc.room.JoinAttempt;
import org.xmppd.muc.room.Room;
import org.xmppd.muc.room.RoomOptions;

/**
 * XEP-0045 §10.2 {@code muc#roomconfig_membersonly}: only members and above enter (§7.2.6,
 * {@code registration-required}), and an invitation makes the invitee a member (§9.3) so the
 * invitation can be accepted. The engine removes non-members when a room becomes members-only.
 */
public final class MembersOnly extends FlagOption {
    public MembersOnly() {
        super(RoomOptions.MEMBERS_ONLY, "Make Room Members-Only", "muc_membersonly", "muc_open");
    }

    @Override
    public void beforeJoin(Room room, JoinAttempt attempt) throws StanzaErrorException {
        if (isOn(room) && !attempt.affiliation().atLeast(Affiliation.MEMBER)) {
            throw new StanzaErrorException(StanzaErrorCondition.REGISTRATION_REQUIRED, "This room is members-only");
        }
    }

    @Override
    public Optional<Affiliation> onInvite(Room room, Invitation invitation) {
        return isOn(room) && invitation.inviteeAffiliation() == Affiliation.NONE ? Optional.of(Affiliation.MEMBER)
                : Optional.empty();
    }
}
