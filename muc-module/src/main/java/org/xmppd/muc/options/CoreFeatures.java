package org.xmppd.muc.options;

import org.xmppd.muc.room.Room;
import org.xmppd.muc.room.RoomFeature;
import org.xmppd.muc.room.RoomInfo;

/**
 * What every room supports whatever its options: MUC itself (XEP-0045), occupant ids
 * (XEP-0421), room-assigned stanza ids (XEP-0359) with the client's message id kept
 * ({@code muc#stable_id}), and answering self-pings itself (XEP-0410 §3.2).
 */
public final class CoreFeatures implements RoomFeature {
    @Override
    public RoomInfo onDiscoInfo(Room room, RoomInfo info) {
        return info.withFeature("http://jabber.org/protocol/muc")
                .withFeature("urn:xmpp:occupant-id:0")
                .withFeature("urn:xmpp:sid:0")
                .withFeature("http://jabber.org/protocol/muc#stable_id")
                .withFeature("http://jabber.org/protocol/muc#self-ping-optimization");
    }
}
