package org.xmppd.muc.xml;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.muc.room.Occupant;
import org.xmppd.muc.room.RoomService;

/**
 * IQs between occupants (XEP-0045 leaves them to the service; Prosody and ejabberd proxy them): a request to {@code room/nick} goes
 * to that occupant's latest session from the sender's occupant JID under a fresh id, and the
 * response comes back the same way. A ping to one's own occupant JID is answered by the room
 * (XEP-0410 §3.2): success while joined, {@code not-acceptable} otherwise.
 */
final class IqProxy {
    /** How long an answer may take before its mapping is dropped. */
    private static final long TIMEOUT_SECONDS = 120;

    private record Pending(Jid requester, String id, EntityFullJid target, String targetNick) {
    }

    private final RoomService rooms;
    private final Delivery delivery;
    private final ScheduledExecutorService scheduler;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    IqProxy(RoomService rooms, Delivery delivery, ScheduledExecutorService scheduler) {
        this.rooms = rooms;
        this.delivery = delivery;
        this.scheduler = scheduler;
    }

    void request(Iq iq, EntityFullJid from, EntityBareJid room, String nick) throws StanzaErrorException {
        String senderNick = rooms.nickOf(room, from).orElse(null);
        Element payload = iq.payload().orElseThrow();
        if (senderNick == null) {
            if (payload.namespace().equals(MucXml.DISCO_INFO) || payload.namespace().equals(MucXml.DISCO_ITEMS)) {
                // XEP-0045 §6.6: non-occupants may not discover occupants.
                throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "You are not in this room");
            }
            // XEP-0410 §3: not joined (any more); non-occupants cannot reach occupants either.
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE, "You are not in this room");
        }
        if (senderNick.equals(nick) && payload.is("ping", MucXml.PING)) {
            delivery.route(iq.result(null));
            return;
        }
        Occupant target = rooms.read(room, r -> r.occupant(nick));
        if (target == null) {
            throw new StanzaErrorException(StanzaErrorCondition.ITEM_NOT_FOUND, "No occupant " + nick);
        }
        EntityFullJid session = target.sessions().get(target.sessions().size() - 1).jid();
        String id = UUID.randomUUID().toString();
        pending.put(id, new Pending(from, iq.id(), session, nick));
        scheduler.schedule(() -> pending.remove(id), TIMEOUT_SECONDS, TimeUnit.SECONDS);
        delivery.route(iq.element().toBuilder().attribute("id", id).attribute("from", room + "/" + senderNick)
                .attribute("to", session.toString()).build());
    }

    /** A response to a proxied request, passed back to whoever asked. */
    void response(Iq iq, EntityFullJid from, EntityBareJid room) {
        Pending request = pending.get(iq.id());
        if (request == null || !request.target().equals(from)) {
            return; // unknown or forged
        }
        pending.remove(iq.id());
        delivery.route(iq.element().toBuilder().attribute("id", request.id())
                .attribute("from", room + "/" + request.targetNick())
                .attribute("to", request.requester().toString()).build());
    }
}
