package org.xmppd.muc.options;

import org.xmppd.muc.room.RoomOption;

/** XEP-0045 §10.2 {@code muc#roomconfig_lang}, shown as {@code muc#roominfo_lang} (§15.5.4). */
public final class RoomLanguage extends TextOption {
    static final RoomOption<String> OPTION = RoomOption.text("muc#roomconfig_lang", "");

    public RoomLanguage() {
        super(OPTION, "Natural Language for Room Discussions", "muc#roominfo_lang");
    }
}
