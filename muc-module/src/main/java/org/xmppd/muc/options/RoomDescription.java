package org.xmppd.muc.options;

import org.xmppd.muc.room.RoomOption;

/** XEP-0045 §10.2 {@code muc#roomconfig_roomdesc}, shown as {@code muc#roominfo_description} (§15.5.4). */
public final class RoomDescription extends TextOption {
    static final RoomOption<String> OPTION = RoomOption.text("muc#roomconfig_roomdesc", "");

    public RoomDescription() {
        super(OPTION, "Short Description of Room", "muc#roominfo_description");
    }
}
