package org.xmppd.muc.options;

import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.muc.room.Affiliation;
import org.xmppd.muc.room.FormField;
import org.xmppd.muc.room.JoinAttempt;
import org.xmppd.muc.room.Room;
import org.xmppd.muc.room.RoomInfo;
import org.xmppd.muc.room.RoomOptions;

/**
 * XEP-0045 §10.2 {@code muc#roomconfig_maxusers}: a full room refuses new occupants with
 * {@code service-unavailable} (§7.2.10), except admins and owners. The service's
 * {@code max_occupants} caps what owners may set. disco#info shows the occupant count
 * ({@code muc#roominfo_occupants}).
 */
public final class MaxUsers extends NumberOption {
    public MaxUsers(int serviceMax) {
        super(RoomOptions.MAX_USERS, "Maximum Number of Occupants", serviceMax);
    }

    @Override
    public void beforeJoin(Room room, JoinAttempt attempt) throws StanzaErrorException {
        int max = value(room);
        if (attempt.newOccupant() && max > 0 && room.occupantCount() >= max
                && !attempt.affiliation().atLeast(Affiliation.ADMIN)) {
            throw new StanzaErrorException(StanzaErrorCondition.SERVICE_UNAVAILABLE, "The room is full");
        }
    }

    @Override
    public RoomInfo onDiscoInfo(Room room, RoomInfo info) {
        return info.withField(FormField.info("muc#roominfo_occupants", "Number of occupants",
                String.valueOf(room.occupantCount())));
    }
}
