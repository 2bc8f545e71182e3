package org.xmppd.muc.options;

import org.xmppd.muc.room.Affiliation;

/** XEP-0045 §10.2 {@code muc#roomconfig_roomowners}: the owners, editable in the form. */
public final class RoomOwners extends AffiliationListOption {
    public RoomOwners() {
        super("muc#roomconfig_roomowners", "Full List of Room Owners", Affiliation.OWNER);
    }
}
