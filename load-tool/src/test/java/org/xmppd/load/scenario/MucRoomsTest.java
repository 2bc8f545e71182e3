package org.xmppd.load.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MucRoomsTest {
    private final MucRooms rooms = new MucRooms("Conference.Localhost", "Load", "abc", 3, 4);

    @Test
    void clientsFillRoomsInOrderAndTheFirstOfEachCreatesIt() {
        assertEquals(12, rooms.clients());
        assertEquals(0, rooms.roomOf(3));
        assertEquals(1, rooms.roomOf(4));
        assertEquals(2, rooms.roomOf(11));
        assertEquals(8, rooms.creatorOf(2));
        assertEquals("load-abc-1@conference.localhost", rooms.roomJid(1));
        assertEquals("load-abc-1@conference.localhost/o5", rooms.occupantJid(5));
    }

    @Test
    void emptyLayoutsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MucRooms("c", "p", "r", 0, 4));
        assertThrows(IllegalArgumentException.class, () -> new MucRooms("c", "p", "r", 2, 0));
    }
}
