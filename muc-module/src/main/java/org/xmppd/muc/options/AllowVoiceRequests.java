package org.xmppd.muc.options;

import org.xmppd.muc.room.RoomOptions;

/** XEP-0045 §8.6: visitors may ask moderators for voice with the muc#request form. */
public final class AllowVoiceRequests extends FlagOption {
    public AllowVoiceRequests() {
        super(RoomOptions.VOICE_REQUESTS, "Allow Visitors to Request Voice", "http://jabber.org/protocol/muc#request", null);
    }
}
