package org.xmppd.muc.options;

import org.xmppd.muc.room.FormField;
import org.xmppd.muc.room.Room;
import org.xmppd.muc.room.RoomInfo;
import org.xmppd.muc.room.RoomOptions;
import org.xmppd.muc.room.Subject;

/**
 * XEP-0045 §10.2 {@code muc#roomconfig_changesubject}: participants may change the subject, not
 * only moderators (§8.1; the engine enforces it). disco#info shows the subject and this setting
 * ({@code muc#roominfo_subject}, {@code muc#roominfo_subjectmod}, §15.5.4).
 */
public final class ChangeSubject extends FlagOption {
    public ChangeSubject() {
        super(RoomOptions.CHANGE_SUBJECT, "Allow Occupants to Change Subject", null, null);
    }

    @Override
    public RoomInfo onDiscoInfo(Room room, RoomInfo info) {
        Subject subject = room.subject();
        return info.withField(FormField.info("muc#roominfo_subject", "Current Subject",
                subject == null ? "" : subject.text()))
                .withField(FormField.flag("muc#roominfo_subjectmod", "Occupants May Change the Subject", isOn(room)));
    }
}
