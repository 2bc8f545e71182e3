package org.xmppd.muc.xml;

import java.util.LinkedHashSet;
import java.util.Set;
import org.jxmpp.jid.EntityFullJid;
import org.xmppd.muc.room.Occupant;
import org.xmppd.muc.room.Role;
import org.xmppd.muc.room.Room;
import org.xmppd.muc.room.RoomOptions;
import org.xmppd.server.session.SharedStanza;

/**
 * Sends one occupant's presence to the room (XEP-0045 §7.2.3): three variants at most, each
 * serialized once, for viewers who may see real JIDs (moderators, or all in a non-anonymous room),
 * for those who may not, and for the occupant's own sessions (status 110).
 */
final class PresenceFanOut {
    private final Delivery delivery;

    PresenceFanOut(Delivery delivery) {
        this.delivery = delivery;
    }

    /** Whether {@code viewer} sees real JIDs in this room (§4.1 semi-/non-anonymous). */
    static boolean seesJids(Room room, Occupant viewer) {
        return RoomOptions.nonAnonymous(room.config()) || viewer.role() == Role.MODERATOR;
    }

    /** Whether presence of {@code role} goes to others (§10.2 {@code presencebroadcast}). */
    static boolean broadcasts(Room room, Role role) {
        return room.config().get(RoomOptions.PRESENCE_BROADCAST).contains(role.value());
    }

    /**
     * Sends {@code presence} to every other occupant (when its role is broadcast) and to the
     * occupant's own sessions with {@code selfCodes} added; {@code onlySelf}, when not null, limits
     * the self copy to that session (the one that just entered gets codes the others do not).
     */
    void broadcast(Room room, OccupantPresence presence, Set<Integer> selfCodes, EntityFullJid onlySelf) {
        Occupant subject = presence.occupant();
        if (broadcasts(room, subject.role())) {
            SharedStanza withJid = null;
            SharedStanza withoutJid = null;
            for (Occupant viewer : room.occupants()) {
                if (viewer.jids().stream().anyMatch(subject::has)) {
                    continue; // the occupant itself, maybe already under a new nickname
                }
                boolean jid = seesJids(room, viewer);
                if (jid && withJid == null) {
                    withJid = SharedStanza.of(presence.render(true, false));
                } else if (!jid && withoutJid == null) {
                    withoutJid = SharedStanza.of(presence.render(false, false));
                }
                for (EntityFullJid session : viewer.jids()) {
                    delivery.send(session, jid ? withJid : withoutJid);
                }
            }
        }
        toSelf(presence, selfCodes, onlySelf);
    }

    /** The occupant's own copy, with 110 and {@code selfCodes}. */
    void toSelf(OccupantPresence presence, Set<Integer> selfCodes, EntityFullJid onlySelf) {
        Set<Integer> codes = new LinkedHashSet<>(presence.codes());
        codes.addAll(selfCodes);
        SharedStanza self = SharedStanza.of(presence.withCodes(codes).render(true, true));
        SharedStanza plainSelf = onlySelf == null ? self : SharedStanza.of(presence.render(true, true));
        for (EntityFullJid session : presence.occupant().jids()) {
            if (onlySelf == null || onlySelf.equals(session)) {
                delivery.send(session, self);
            } else {
                delivery.send(session, plainSelf);
            }
        }
    }
}
