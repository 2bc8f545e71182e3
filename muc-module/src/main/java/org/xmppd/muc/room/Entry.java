package org.xmppd.muc.room;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.xmppd.codec.Element;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;

/** Entering, presence changes, nickname changes and leaving (XEP-0045 §7.2-§7.7, §7.14). */
final class Entry {
    private final Engine engine;

    Entry(Engine engine) {
        this.engine = engine;
    }

    /**
     * {@code session} asks to enter as {@code nick} (§7.2). A session already in under that
     * nickname is re-joined (clients resend their join after a reconnect and expect the whole
     * sequence again).
     */
    List<RoomEvent> enter(Room room, String nick, EntityFullJid session, Element presence, String password,
            HistoryRequest history, Set<Integer> extraCodes) throws StanzaErrorException {
        EntityBareJid user = session.asEntityBareJid();
        Affiliation affiliation = room.affiliationOf(user);
        if (room.isLocked() && affiliation != Affiliation.OWNER) {
            // §10.1.1: a room being configured is not there for anyone else yet.
            throw new StanzaErrorException(StanzaErrorCondition.ITEM_NOT_FOUND, "The room is being set up");
        }
        if (affiliation == Affiliation.OUTCAST) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "You are banned from this room"); // §7.2.7
        }
        Occupant existing = room.occupant(nick);
        if (existing != null && !existing.user().equals(user)) {
            throw new StanzaErrorException(StanzaErrorCondition.CONFLICT, "That nickname is in use"); // §7.2.9
        }
        if (room.nickOwnerOtherThan(nick, user) != null) {
            throw new StanzaErrorException(StanzaErrorCondition.CONFLICT, "That nickname is reserved"); // §7.10
        }
        JoinAttempt attempt = new JoinAttempt(session, nick, affiliation, password, existing == null);
        for (RoomFeature feature : engine.features()) {
            feature.beforeJoin(room, attempt);
        }
        Occupant occupant = existing != null ? existing.withSession(session, presence)
                : new Occupant(nick, user, Engine.defaultRole(affiliation, room.config()), room.occupantIdOf(user),
                        List.of(new Occupant.Session(session, presence)));
        room.putOccupant(occupant);
        Set<Integer> codes = new LinkedHashSet<>(extraCodes);
        if (RoomOptions.nonAnonymous(room.config())) {
            codes.add(Status.NON_ANONYMOUS);
        }
        List<HistoryEntry> replay = history.select(room.history(), room.config().get(RoomOptions.HISTORY_LENGTH),
                engine.clock().instant());
        return List.of(new RoomEvent.Entered(occupant, session, codes, replay, existing == null));
    }

    /** A joined session sent new presence to its own occupant JID (§7.7). */
    List<RoomEvent> updatePresence(Room room, Occupant occupant, EntityFullJid session, Element presence) {
        Occupant updated = occupant.withSession(session, presence);
        room.putOccupant(updated);
        return List.of(new RoomEvent.PresenceChanged(updated, Set.of(), null, null));
    }

    /** §7.6: a joined session asks for another nickname. */
    List<RoomEvent> changeNick(Room room, Occupant occupant, String newNick, EntityFullJid session, Element presence)
            throws StanzaErrorException {
        if (!room.config().get(RoomOptions.CAN_CHANGE_NICK)) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE, "Nicknames cannot change here");
        }
        Occupant holder = room.occupant(newNick);
        if (holder != null || room.nickOwnerOtherThan(newNick, occupant.user()) != null) {
            throw new StanzaErrorException(StanzaErrorCondition.CONFLICT, "That nickname is in use"); // §7.6.3
        }
        room.removeOccupant(occupant);
        Occupant renamed = occupant.withNick(newNick).withSession(session, presence);
        room.putOccupant(renamed);
        return List.of(new RoomEvent.NickChanged(occupant, renamed));
    }

    /** §7.14: the session leaves; the occupant goes with its last session. */
    List<RoomEvent> exit(Room room, EntityFullJid session, Element presence) {
        Occupant occupant = room.occupantOf(session);
        if (occupant == null) {
            return List.of();
        }
        if (occupant.sessions().size() > 1) {
            Occupant remaining = occupant.withoutSession(session);
            room.putOccupant(remaining);
            room.forgetSession(session);
            return List.of(new RoomEvent.SessionLeft(remaining, session, presence));
        }
        room.removeOccupant(occupant);
        return List.of(new RoomEvent.Left(occupant, Set.of(), null, null, presence));
    }

    /** Removes every occupant of the room with {@code codes} (shutdown, destruction). */
    static List<RoomEvent> removeAll(Room room, Set<Integer> codes) {
        List<RoomEvent> events = new ArrayList<>();
        for (Occupant occupant : List.copyOf(room.occupants())) {
            room.removeOccupant(occupant);
            events.add(new RoomEvent.Left(occupant, codes, null, null, null));
        }
        return events;
    }
}
