package org.xmppd.muc.xml;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.muc.room.Affiliation;
import org.xmppd.muc.room.Room;
import org.xmppd.muc.room.RoomOptions;
import org.xmppd.muc.room.RoomService;
import org.xmppd.server.module.IqHandler;
import org.xmppd.server.modules.mam.ArchiveReader;
import org.xmppd.server.modules.mam.MamModule;

/**
 * XEP-0313 queries to a room's archive (§4 with the room JID as {@code to}), its query form and
 * its metadata. Whoever may enter may read (as Prosody has it): outcasts never, and in a
 * members-only room only members and above, even when not in the room, and in a
 * password-protected room members and those in the room (who gave the password); others get
 * {@code forbidden}. A new room is hidden until configured, as it is to those entering. A room
 * that keeps no archive answers {@code service-unavailable} (RFC 6120 §8.3.3.19), as its
 * disco#info lists no {@code urn:xmpp:mam:2}. Results come from the room JID to the asker's
 * full JID.
 */
final class ArchiveHandler {
    private final RoomService rooms;
    private final ArchiveReader reader;
    private final Delivery delivery;

    ArchiveHandler(RoomService rooms, ArchiveReader reader, Delivery delivery) {
        this.rooms = rooms;
        this.reader = reader;
        this.delivery = delivery;
    }

    /** The reply to {@code iq}; errors come without the request's payload (Smack fails on echoed forms). */
    Element handle(Iq iq, EntityBareJid room, EntityFullJid asker) throws StanzaErrorException {
        return IqHandler.withoutPayloadOnError(request -> answer(request, room, asker)).handle(iq);
    }

    private Element answer(Iq iq, EntityBareJid room, EntityFullJid asker) throws StanzaErrorException {
        Element payload = iq.payload().orElseThrow();
        boolean get = "get".equals(iq.type());
        StanzaErrorException refusal = rooms.read(room, r -> refusal(r, asker.asBareJid()));
        if (refusal != null) {
            throw refusal;
        }
        if (payload.is("query", MamModule.NAMESPACE)) {
            return get ? reader.form(iq) : reader.query(iq, room, result -> delivery.send(asker, result));
        }
        if (get && payload.is("metadata", MamModule.NAMESPACE)) {
            return reader.metadata(iq, room);
        }
        throw new StanzaErrorException(StanzaErrorCondition.SERVICE_UNAVAILABLE, null);
    }

    /** Why {@code user} may not read the room's archive, or null when they may. */
    private static StanzaErrorException refusal(Room room, BareJid user) {
        Affiliation affiliation = room.affiliationOf(user);
        if (room.isLocked() && affiliation != Affiliation.OWNER) {
            return new StanzaErrorException(StanzaErrorCondition.ITEM_NOT_FOUND, "No such room"); // as entering, §7.2.2
        }
        if (!room.config().get(RoomOptions.ARCHIVING)) {
            return new StanzaErrorException(StanzaErrorCondition.SERVICE_UNAVAILABLE, "This room keeps no archive");
        }
        if (affiliation == Affiliation.OUTCAST) {
            return new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "You are banned from this room");
        }
        if (room.config().get(RoomOptions.MEMBERS_ONLY) && !affiliation.atLeast(Affiliation.MEMBER)) {
            return new StanzaErrorException(StanzaErrorCondition.FORBIDDEN,
                    "Only members read the archive of a members-only room");
        }
        boolean provedPassword = affiliation.atLeast(Affiliation.MEMBER) || !room.occupantsOf(user).isEmpty();
        if (room.config().get(RoomOptions.PASSWORD_PROTECTED) && !provedPassword) {
            return new StanzaErrorException(StanzaErrorCondition.FORBIDDEN,
                    "Enter the room with its password to read its archive");
        }
        return null;
    }
}
