package org.xmppd.muc.options;

import org.xmppd.muc.room.RoomOptions;

/** XEP-0045 §10.2: a persistent room stays when its last occupant leaves and is stored; a temporary one goes. */
public final class Persistent extends FlagOption {
    public Persistent() {
        super(RoomOptions.PERSISTENT, "Make Room Persistent", "muc_persistent", "muc_temporary");
    }
}
