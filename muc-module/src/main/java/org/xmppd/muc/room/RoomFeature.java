package org.xmppd.muc.room;

import java.util.List;
import java.util.Optional;
import org.xmppd.codec.StanzaErrorException;

/**
 * One room option's behaviour (Prosody's MUC option files): every hook has a default that does
 * nothing, so an option implements only the moments it cares about. Hooks run while the room is
 * locked and must not block.
 */
public interface RoomFeature {
    /** Adds to the room's disco#info: {@code muc_*} features and {@code muc#roominfo} fields (XEP-0045 §6.4). */
    default RoomInfo onDiscoInfo(Room room, RoomInfo info) {
        return info;
    }

    /** The fields this option shows in the {@code muc#roomconfig} form, with the room's values (§10.2). */
    default List<FormField> onConfigForm(Room room) {
        return List.of();
    }

    /**
     * Reads this option's fields of a submitted form into {@code change}; fields not submitted
     * keep their value (an empty form makes an instant room, §10.1.2).
     *
     * @throws StanzaErrorException {@code not-acceptable} for a value the option refuses
     */
    default ConfigChange onConfigSubmit(Room room, SubmittedForm form, ConfigChange change)
            throws StanzaErrorException {
        return change;
    }

    /** May refuse entry (§7.2.5-§7.2.10), e.g. with {@code registration-required} or {@code not-authorized}. */
    default void beforeJoin(Room room, JoinAttempt attempt) throws StanzaErrorException {
    }

    /**
     * May refuse an invitation (§7.8, {@code forbidden}) or give the invitee an affiliation
     * (a members-only room makes them a member, §9.3).
     */
    default Optional<Affiliation> onInvite(Room room, Invitation invitation) throws StanzaErrorException {
        return Optional.empty();
    }
}
