package org.xmppd.muc.room;

import java.util.List;

/** Tells people what changed in a room; called with the room locked, so it must not block. */
@FunctionalInterface
public interface RoomEvents {
    void publish(Room room, List<RoomEvent> events);
}
