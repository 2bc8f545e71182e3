package org.xmppd.muc.options;

import org.xmppd.muc.room.RoomOptions;

/** XEP-0045 §7.6: whether occupants may change nickname (not-acceptable otherwise). */
public final class CanChangeNick extends FlagOption {
    public CanChangeNick() {
        super(RoomOptions.CAN_CHANGE_NICK, "Allow Occupants to Change Nicknames", null, null);
    }
}
