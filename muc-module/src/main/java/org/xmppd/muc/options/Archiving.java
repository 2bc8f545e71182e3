package org.xmppd.muc.options;

import org.xmppd.muc.room.RoomOptions;

/**
 * XEP-0313 for rooms, Prosody's {@code muc#roomconfig_enablearchiving} (the field Gajim and
 * Conversations show): group messages are archived and the room answers archive queries, which
 * its disco#info says with {@code urn:xmpp:mam:2}.
 */
public final class Archiving extends FlagOption {
    public Archiving() {
        super(RoomOptions.ARCHIVING, "Archive Messages (Message Archive Management)", "urn:xmpp:mam:2", null);
    }
}
