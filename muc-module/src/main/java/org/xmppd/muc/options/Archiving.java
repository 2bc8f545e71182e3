package org.xmppd.muc.options;

import org.xmppd.muc.room.Room;
import org.xmppd.muc.room.RoomInfo;
import org.xmppd.muc.room.RoomOptions;

/**
 * XEP-0313 for rooms, Prosody's {@code muc#roomconfig_enablearchiving} (the field Gajim and
 * Conversations show): group messages are archived and the room answers archive queries, which
 * its disco#info says with {@code urn:xmpp:mam:2} and {@code #extended} (before-id, after-id,
 * ids and flip-page, §7.1).
 */
public final class Archiving extends FlagOption {
    private static final String MAM = "urn:xmpp:mam:2";

    public Archiving() {
        super(RoomOptions.ARCHIVING, "Archive Messages (Message Archive Management)", MAM, null);
    }

    @Override
    public RoomInfo onDiscoInfo(Room room, RoomInfo info) {
        return isOn(room) ? info.withFeature(MAM).withFeature(MAM + "#extended") : info;
    }
}
