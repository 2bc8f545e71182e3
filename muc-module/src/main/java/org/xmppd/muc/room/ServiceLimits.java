package org.xmppd.muc.room;

/**
 * What the service allows, from {@code module_options.muc}.
 *
 * @param roomCreation    whether users may create rooms by joining them
 * @param maxRooms        rooms the service holds at most
 * @param maxRoomsPerUser rooms one user may own at most
 * @param maxOccupants    highest {@code muc#roomconfig_maxusers} a room may set (0: no limit)
 * @param maxHistory      highest {@code muc#maxhistoryfetch} a room may set
 */
public record ServiceLimits(boolean roomCreation, int maxRooms, int maxRoomsPerUser, int maxOccupants,
        int maxHistory) {
}
