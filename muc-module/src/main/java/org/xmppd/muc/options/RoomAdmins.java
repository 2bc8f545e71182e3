package org.xmppd.muc.options;

import org.xmppd.muc.room.Affiliation;

/** XEP-0045 §10.2 {@code muc#roomconfig_roomadmins}: the admins, editable in the form. */
public final class RoomAdmins extends AffiliationListOption {
    public RoomAdmins() {
        super("muc#roomconfig_roomadmins", "Full List of Room Admins", Affiliation.ADMIN);
    }
}
