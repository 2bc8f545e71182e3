package org.xmppd.muc.room;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;

/**
 * Which rooms each real session is in, kept from the published events, so that a session going
 * offline leaves exactly its rooms without visiting every room.
 */
final class SessionIndex {
    private final ConcurrentMap<EntityFullJid, Set<EntityBareJid>> joined = new ConcurrentHashMap<>();

    /** The rooms {@code session} is in now. */
    List<EntityBareJid> roomsOf(EntityFullJid session) {
        Set<EntityBareJid> rooms = joined.get(session);
        return rooms == null ? List.of() : List.copyOf(rooms);
    }

    void update(EntityBareJid room, List<RoomEvent> events) {
        for (RoomEvent event : events) {
            if (event instanceof RoomEvent.Entered e) {
                joined.computeIfAbsent(e.session(), k -> ConcurrentHashMap.newKeySet()).add(room);
            } else if (event instanceof RoomEvent.Left e) {
                e.occupant().jids().forEach(j -> remove(j, room));
            } else if (event instanceof RoomEvent.SessionLeft e) {
                remove(e.session(), room);
            } else if (event instanceof RoomEvent.Destroyed e) {
                e.occupants().forEach(o -> o.jids().forEach(j -> remove(j, room)));
            }
        }
    }

    private void remove(EntityFullJid session, EntityBareJid room) {
        joined.computeIfPresent(session, (k, set) -> {
            set.remove(room);
            return set.isEmpty() ? null : set;
        });
    }
}
