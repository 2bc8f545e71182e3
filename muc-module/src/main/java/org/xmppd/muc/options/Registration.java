package org.xmppd.muc.options;

import org.xmppd.muc.room.RoomOptions;

/** XEP-0045 §7.10: users may register with the room (jabber:iq:register) and become members with a reserved nickname. */
public final class Registration extends FlagOption {
    public Registration() {
        super(RoomOptions.REGISTRATION, "Allow Users to Register with the Room", "jabber:iq:register", null);
    }
}
