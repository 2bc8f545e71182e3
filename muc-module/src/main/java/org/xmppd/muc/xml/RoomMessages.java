package org.xmppd.muc.xml;

import java.util.List;
import org.xmppd.codec.Element;
import org.xmppd.codec.Node;
import org.xmppd.muc.room.HistoryEntry;
import org.xmppd.muc.room.Occupant;
import org.xmppd.muc.room.Room;
import org.xmppd.muc.room.Subject;

/** Renders the messages a room sends: group messages, history, the subject, private messages. */
final class RoomMessages {
    private RoomMessages() {
    }

    /**
     * A message to everyone (XEP-0045 §7.4) from {@code room/nick}, keeping the sender's id
     * ({@code muc#stable_id}) and payload, with the room's XEP-0359 stanza id and the XEP-0421
     * occupant id; {@code delayed} adds the XEP-0203 stamp of discussion history (§7.2.15).
     */
    static Element group(Room room, HistoryEntry entry, boolean delayed) {
        Element payload = entry.payload();
        Element.Builder message = Element.builder("message", MucXml.CLIENT)
                .attribute("from", room.jid() + "/" + entry.nick()).attribute("type", "groupchat")
                .attribute("id", payload.attributeOrNull("id"))
                .attribute("xml:lang", payload.attributeOrNull("xml:lang"));
        copyPayload(payload, message);
        message.child(Element.builder("stanza-id", MucXml.STANZA_ID).attribute("id", entry.stanzaId())
                .attribute("by", room.jid().toString()).build());
        message.child(MucXml.occupantId(entry.occupantId()));
        if (delayed) {
            message.child(MucXml.delay(room.jid().toString(), entry.time()));
        }
        return message.build();
    }

    /** §8.1: the subject change as sent, from {@code room/nick}. */
    static Element subjectChange(Room room, Subject subject, String occupantId) {
        Element.Builder message = Element.builder("message", MucXml.CLIENT)
                .attribute("from", room.jid() + "/" + subject.nick()).attribute("type", "groupchat")
                .attribute("id", subject.payload() == null ? null : subject.payload().attributeOrNull("id"));
        if (subject.payload() != null) {
            copyPayload(subject.payload(), message);
        } else {
            message.child(MucXml.text("subject", MucXml.CLIENT, subject.text()));
        }
        if (occupantId != null) {
            message.child(MucXml.occupantId(occupantId));
        }
        return message.build();
    }

    /** §7.2.16: the current subject (empty when none), sent last when entering. */
    static Element currentSubject(Room room) {
        Subject subject = room.subject();
        if (subject == null || subject.nick() == null) {
            return MucXml.message(room.jid().toString(), "groupchat")
                    .child(MucXml.text("subject", MucXml.CLIENT, subject == null ? "" : subject.text())).build();
        }
        return MucXml.message(room.jid() + "/" + subject.nick(), "groupchat")
                .child(MucXml.text("subject", MucXml.CLIENT, subject.text()))
                .child(MucXml.delay(room.jid().toString(), subject.time())).build();
    }

    /** §7.5: a private message as the recipient gets it, from the sender's occupant JID. */
    static Element privateMessage(Room room, Occupant from, Element payload) {
        Element.Builder message = Element.builder("message", MucXml.CLIENT)
                .attribute("from", room.jid() + "/" + from.nick())
                .attribute("type", payload.attributeOrNull("type"))
                .attribute("id", payload.attributeOrNull("id"))
                .attribute("xml:lang", payload.attributeOrNull("xml:lang"));
        copyPayload(payload, message);
        message.child(Element.of("x", MucXml.USER));
        message.child(MucXml.occupantId(from.occupantId()));
        return message.build();
    }

    /**
     * The sender's children, minus what only the room may write: stanza ids claiming to be the
     * room's (XEP-0359 §3.1) and occupant ids (XEP-0421 §4), and any {@code muc#user} data.
     */
    private static void copyPayload(Element payload, Element.Builder message) {
        List<Node> children = payload.children();
        for (Node child : children) {
            if (MucXml.is(child, "stanza-id", MucXml.STANZA_ID) || MucXml.is(child, null, MucXml.OCCUPANT_ID)
                    || MucXml.is(child, "x", MucXml.USER)) {
                continue;
            }
            message.child(child);
        }
    }
}
