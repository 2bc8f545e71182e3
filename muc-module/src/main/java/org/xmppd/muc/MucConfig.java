package org.xmppd.muc;

/**
 * Settings of the MUC module, {@code module_options.muc}.
 *
 * @param subdomain       the service lives at {@code <subdomain>.<host>} for each host; default {@code conference}
 * @param name            the service's name in disco; default {@code Chatrooms}
 * @param roomCreation    whether users create rooms by entering them (XEP-0045 §10.1); default true
 * @param maxRooms        rooms the service holds at most; at least 1, default 10000
 * @param maxRoomsPerUser rooms one user may own; at least 1, default 100
 * @param maxOccupants    occupants per room at most, also the default {@code muc#roomconfig_maxusers}
 *                        of new rooms; at least 1, default 1000
 * @param historyLength   messages a new room keeps and replays on entering ({@code muc#maxhistoryfetch});
 *                        0..max_history, default 20
 * @param maxHistory      the most a room may keep; at least 1, default 200
 * @param persistent      whether new rooms are persistent until their owner says otherwise; default false
 * @param archiveByDefault whether new rooms archive their group messages (XEP-0313,
 *                        {@code muc#roomconfig_enablearchiving}) until their owner says otherwise; default true
 */
public record MucConfig(String subdomain, String name, boolean roomCreation, int maxRooms, int maxRoomsPerUser,
        int maxOccupants, int historyLength, int maxHistory, boolean persistent, boolean archiveByDefault) {
    public MucConfig {
        if (subdomain == null || !subdomain.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?")) {
            throw new IllegalArgumentException("subdomain: must be one DNS label of a-z, 0-9 and '-' (was "
                    + subdomain + ")");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: must not be empty");
        }
        atLeastOne("max_rooms", maxRooms);
        atLeastOne("max_rooms_per_user", maxRoomsPerUser);
        atLeastOne("max_occupants", maxOccupants);
        atLeastOne("max_history", maxHistory);
        if (historyLength < 0 || historyLength > maxHistory) {
            throw new IllegalArgumentException("history_length: must be 0.." + maxHistory + " (was " + historyLength
                    + ")");
        }
    }

    public static MucConfig defaults() {
        return new MucConfig("conference", "Chatrooms", true, 10_000, 100, 1000, 20, 200, false, true);
    }

    private static void atLeastOne(String key, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(key + ": must be at least 1 (was " + value + ")");
        }
    }
}
