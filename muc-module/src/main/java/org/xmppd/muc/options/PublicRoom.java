package org.xmppd.muc.options;

import org.xmppd.muc.room.RoomOptions;

/** XEP-0045 §10.2: a public room is listed in the service's disco#items (§6.3); a hidden one is not. */
public final class PublicRoom extends FlagOption {
    public PublicRoom() {
        super(RoomOptions.PUBLIC, "Make Room Publicly Searchable", "muc_public", "muc_hidden");
    }
}
