package org.xmppd.muc.xml;

import java.util.List;
import java.util.Set;
import org.jxmpp.jid.EntityFullJid;
import org.xmppd.codec.Element;
import org.xmppd.muc.room.HistoryEntry;
import org.xmppd.muc.room.Occupant;
import org.xmppd.muc.room.Role;
import org.xmppd.muc.room.Room;
import org.xmppd.muc.room.RoomEvent;
import org.xmppd.muc.room.RoomEvents;
import org.xmppd.muc.room.Status;
import org.xmppd.server.session.SharedStanza;

/**
 * Tells occupants and others what happened in a room: each {@link RoomEvent} becomes the stanzas
 * XEP-0045 prescribes. Runs with the room locked (so every occupant sees one order) and never
 * blocks: local sessions get queued writes.
 */
public final class Publisher implements RoomEvents {
    private final Delivery delivery;
    private final PresenceFanOut presences;
    private final RoomArchiver archiver;

    Publisher(Delivery delivery, RoomArchiver archiver) {
        this.delivery = delivery;
        this.presences = new PresenceFanOut(delivery);
        this.archiver = archiver;
    }

    @Override
    public void publish(Room room, List<RoomEvent> events) {
        for (RoomEvent event : events) {
            if (event instanceof RoomEvent.Entered e) {
                entered(room, e);
            } else if (event instanceof RoomEvent.PresenceChanged e) {
                presences.broadcast(room, OccupantPresence.available(room, e.occupant()).withCodes(e.codes())
                        .withActor(e.actorNick(), e.reason()), Set.of(), null);
            } else if (event instanceof RoomEvent.Left e) {
                left(room, e);
            } else if (event instanceof RoomEvent.SessionLeft e) {
                // Only the leaving resource is told; the occupant stays for the others.
                delivery.send(e.session(), new OccupantPresence(room, e.occupant(), true, Set.of(), null, null, null,
                        e.presence(), null).render(true, true));
            } else if (event instanceof RoomEvent.NickChanged e) {
                nickChanged(room, e);
            } else if (event instanceof RoomEvent.GroupMessage e) {
                Element message = RoomMessages.group(room, e.entry(), false);
                archiver.archive(room, e.entry(), message);
                toEveryone(room, SharedStanza.of(message));
            } else if (event instanceof RoomEvent.SubjectChanged e) {
                toEveryone(room, SharedStanza.of(RoomMessages.subjectChange(room, e.subject(), e.occupantId())));
            } else {
                publishOther(room, event);
            }
        }
    }

    private void publishOther(Room room, RoomEvent event) {
        if (event instanceof RoomEvent.PrivateMessage e) {
            Element message = RoomMessages.privateMessage(room, e.from(), e.payload());
            SharedStanza shared = SharedStanza.of(message);
            e.to().jids().forEach(session -> delivery.send(session, shared));
        } else if (event instanceof RoomEvent.Invited e) {
            delivery.route(Notices.invitation(room, e));
        } else if (event instanceof RoomEvent.Declined e) {
            delivery.route(Notices.decline(room, e));
        } else if (event instanceof RoomEvent.VoiceRequested e) {
            SharedStanza request = SharedStanza.of(Notices.voiceRequest(room, e.requester()));
            room.occupants().stream().filter(o -> o.role() == Role.MODERATOR)
                    .forEach(o -> o.jids().forEach(session -> delivery.send(session, request)));
        } else if (event instanceof RoomEvent.ConfigChanged e) {
            toEveryone(room, SharedStanza.of(Notices.configChanged(room, e.codes())));
        } else if (event instanceof RoomEvent.Destroyed e) {
            Element destroy = Notices.destroy(e.alternate(), e.reason(), e.password());
            for (Occupant occupant : e.occupants()) {
                presences.toSelf(new OccupantPresence(room, occupant, true, Set.of(), null, null, null, null, destroy),
                        Set.of(), null);
            }
        }
    }

    /** §7.2.3: the others' presence to the newcomer, its own to all, history, then the subject. */
    private void entered(Room room, RoomEvent.Entered e) {
        Occupant newcomer = e.occupant();
        boolean seesJids = PresenceFanOut.seesJids(room, newcomer);
        for (Occupant other : room.occupants()) {
            if (!other.nick().equals(newcomer.nick()) && PresenceFanOut.broadcasts(room, other.role())) {
                delivery.send(e.session(), OccupantPresence.available(room, other).render(seesJids, false));
            }
        }
        OccupantPresence own = OccupantPresence.available(room, newcomer);
        if (e.newOccupant()) {
            presences.broadcast(room, own, e.selfCodes(), e.session());
        } else {
            presences.toSelf(own, e.selfCodes(), e.session());
        }
        for (HistoryEntry entry : e.history()) {
            delivery.send(e.session(), RoomMessages.group(room, entry, true));
        }
        delivery.send(e.session(), RoomMessages.currentSubject(room));
    }

    /** §7.14, §8.2, §9.1...: unavailable presence, with who did it and why. */
    private void left(Room room, RoomEvent.Left e) {
        OccupantPresence gone = new OccupantPresence(room, e.occupant(), true, e.codes(), e.actorNick(), e.reason(),
                null, e.presence(), null);
        presences.broadcast(room, gone, Set.of(), null);
    }

    /** §7.6: unavailable under the old nickname with 303 and the new one, then available under the new. */
    private void nickChanged(Room room, RoomEvent.NickChanged e) {
        OccupantPresence old = new OccupantPresence(room, e.before(), true, Set.of(Status.NEW_NICK), null, null,
                e.after().nick(), null, null);
        presences.broadcast(room, old, Set.of(), null);
        presences.broadcast(room, OccupantPresence.available(room, e.after()), Set.of(), null);
    }

    private void toEveryone(Room room, SharedStanza stanza) {
        for (Occupant occupant : room.occupants()) {
            for (EntityFullJid session : occupant.jids()) {
                delivery.send(session, stanza);
            }
        }
    }
}
