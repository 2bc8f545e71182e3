package org.xmppd.muc.options;

import org.xmppd.muc.room.RoomOptions;

/** XEP-0045 §10.2: in a moderated room unaffiliated users enter as visitors without voice (§8.1); the engine reads it for the default role. */
public final class Moderated extends FlagOption {
    public Moderated() {
        super(RoomOptions.MODERATED, "Make Room Moderated", "muc_moderated", "muc_unmoderated");
    }
}
