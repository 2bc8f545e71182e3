package org.xmppd.load.scenario;

import java.util.Locale;

/**
 * Who sits where in the muc scenario: client {@code i} is occupant {@code i % occupants} of room
 * {@code i / occupants}, with nick {@code o<i>}; rooms are {@code <prefix>-<run>-<n>@<service>},
 * new for every run so each is created by its first entrant.
 *
 * @param service the MUC service's domain, e.g. {@code conference.localhost}
 * @param prefix the first part of room names
 * @param runId distinguishes this run's rooms from earlier ones
 * @param rooms how many rooms
 * @param occupants occupants per room
 */
record MucRooms(String service, String prefix, String runId, int rooms, int occupants) {
    MucRooms {
        if (rooms < 1 || occupants < 1) {
            throw new IllegalArgumentException("rooms and occupants must be at least 1: " + rooms + "x" + occupants);
        }
        service = service.toLowerCase(Locale.ROOT);
        prefix = prefix.toLowerCase(Locale.ROOT);
        runId = runId.toLowerCase(Locale.ROOT);
    }

    int clients() {
        return rooms * occupants;
    }

    int roomOf(int client) {
        return client / occupants;
    }

    /** The first client of {@code room}: it enters first and so creates the room. */
    int creatorOf(int room) {
        return room * occupants;
    }

    String roomJid(int room) {
        return prefix + "-" + runId + "-" + room + "@" + service;
    }

    String nick(int client) {
        return "o" + client;
    }

    /** The room JID with the client's nick (XEP-0045 §7.2.1). */
    String occupantJid(int client) {
        return roomJid(roomOf(client)) + "/" + nick(client);
    }
}
