package org.xmppd.muc.xml;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.xmppd.codec.Element;
import org.xmppd.codec.Presence;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.muc.room.HistoryRequest;
import org.xmppd.muc.room.JoinRequest;
import org.xmppd.muc.room.RoomService;
import org.xmppd.muc.room.Status;

/**
 * Presence to a room (XEP-0045 §7.2 entering, §7.6 nickname change, §7.7 status change, §7.14
 * leaving). <pre>
 * C: &lt;presence to='room@conference.example.org/thirdwitch'&gt;&lt;x xmlns='http://jabber.org/protocol/muc'&gt;
 *      &lt;history maxstanzas='20'/&gt;&lt;password&gt;secret&lt;/password&gt;&lt;/x&gt;&lt;/presence&gt;
 * S: (occupants' presence) (own presence with status 110) (history) (subject)
 * </pre>
 */
final class PresenceHandler {
    private final RoomService rooms;

    PresenceHandler(RoomService rooms) {
        this.rooms = rooms;
    }

    void handle(Presence presence, EntityFullJid from) throws StanzaErrorException {
        Jid to = presence.to();
        String type = presence.type();
        if (!to.hasLocalpart()) {
            return; // presence to the service itself means nothing here
        }
        EntityBareJid room = to.asEntityBareJidIfPossible();
        if (!to.hasResource()) {
            if (type == null) {
                // §7.2.1: entering needs a nickname.
                throw new StanzaErrorException(StanzaErrorCondition.JID_MALFORMED, "Enter with room@service/nickname");
            }
            return;
        }
        if (type == null) {
            available(presence, from, room, to.getResourceOrThrow().toString());
        } else if (type.equals("unavailable")) {
            rooms.exit(room, from, presence.element());
        } else if (type.equals("error")) {
            rooms.removeSession(from); // the client refuses the room's presence: its session is broken
        }
    }

    private void available(Presence presence, EntityFullJid from, EntityBareJid room, String nick)
            throws StanzaErrorException {
        Element x = presence.element().childOrNull("x", MucXml.MUC);
        String password = x == null ? null : x.childText("password", MucXml.MUC).orElse(null);
        HistoryRequest history = x == null ? HistoryRequest.unlimited() : history(x.childOrNull("history", MucXml.MUC));
        Set<Integer> codes = new HashSet<>();
        String asked = presence.element().attributeOrNull("to");
        if (!asked.substring(asked.indexOf('/') + 1).equals(nick)) {
            codes.add(Status.NICK_MODIFIED); // §7.2.11: normalization changed the nickname asked for
        }
        rooms.presence(room, nick, from, presence.element(), new JoinRequest(x != null, password, history, codes));
    }

    /** §7.2.15 history limits; unparsable values are ignored. */
    static HistoryRequest history(Element history) {
        if (history == null) {
            return HistoryRequest.unlimited();
        }
        return new HistoryRequest(number(history, "maxchars"), number(history, "maxstanzas"),
                number(history, "seconds"), since(history.attributeOrNull("since")));
    }

    private static Integer number(Element history, String name) {
        String value = history.attributeOrNull(name);
        try {
            return value == null ? null : Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant since(String value) {
        try {
            return value == null ? null : Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
