package org.xmppd.muc.options;

import org.xmppd.muc.room.FormField;
import org.xmppd.muc.room.Room;
import org.xmppd.muc.room.RoomInfo;
import org.xmppd.muc.room.RoomOptions;

/**
 * XEP-0045 §15.5.3 {@code muc#maxhistoryfetch}: how many messages the room keeps and sends to
 * users entering (§7.2.15), at most the service's {@code max_history}; 0 keeps none.
 */
public final class HistoryLength extends NumberOption {
    public HistoryLength(int serviceMax) {
        super(RoomOptions.HISTORY_LENGTH, "Maximum Number of History Messages Returned by Room", serviceMax);
    }

    @Override
    int clamp(int value) {
        return value == 0 ? 0 : super.clamp(value);
    }

    @Override
    public RoomInfo onDiscoInfo(Room room, RoomInfo info) {
        return info.withField(FormField.info("muc#maxhistoryfetch", "Maximum Number of History Messages Returned by Room",
                String.valueOf(value(room))));
    }
}
