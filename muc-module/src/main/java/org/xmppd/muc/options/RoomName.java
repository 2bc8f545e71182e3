package org.xmppd.muc.options;

import org.xmppd.muc.room.Room;
import org.xmppd.muc.room.RoomInfo;
import org.xmppd.muc.room.RoomOptions;

/** XEP-0045 §10.2 {@code muc#roomconfig_roomname}: the natural-language name, shown as the disco identity's name. */
public final class RoomName extends TextOption {
    public RoomName() {
        super(RoomOptions.NAME, "Natural-Language Room Name", null);
    }

    @Override
    public RoomInfo onDiscoInfo(Room room, RoomInfo info) {
        String name = value(room);
        return info.withName(name.isEmpty() ? room.jid().getLocalpart().toString() : name);
    }
}
