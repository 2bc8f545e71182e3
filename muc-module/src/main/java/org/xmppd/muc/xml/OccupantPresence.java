package org.xmppd.muc.xml;

import java.util.Set;
import org.xmppd.codec.Element;
import org.xmppd.codec.Node;
import org.xmppd.muc.room.Occupant;
import org.xmppd.muc.room.Role;
import org.xmppd.muc.room.Room;

/**
 * An occupant's presence as the room shows it (XEP-0045 §7.2.3): from {@code room/nick}, the
 * occupant's own presence children, its XEP-0421 occupant id, and the {@code muc#user} item with
 * affiliation, role and (where the viewer may see it) the real JID, plus status codes.
 *
 * @param room          the room
 * @param occupant      whose presence
 * @param unavailable   true for leaving (role none)
 * @param codes         status codes
 * @param actorNick     who kicked, banned or changed the role, or null
 * @param reason        why, or null
 * @param newNick       the new nickname of a 303 presence, or null
 * @param source        the presence whose children to show (the leaving one when unavailable), or null
 * @param destroy       a {@code <destroy/>} element (§10.9), or null
 */
record OccupantPresence(Room room, Occupant occupant, boolean unavailable, Set<Integer> codes, String actorNick,
        String reason, String newNick, Element source, Element destroy) {

    static OccupantPresence available(Room room, Occupant occupant) {
        return new OccupantPresence(room, occupant, false, Set.of(), null, null, null, occupant.presence(), null);
    }

    OccupantPresence withCodes(Set<Integer> newCodes) {
        return new OccupantPresence(room, occupant, unavailable, newCodes, actorNick, reason, newNick, source, destroy);
    }

    OccupantPresence withActor(String nick, String why) {
        return new OccupantPresence(room, occupant, unavailable, codes, nick, why, newNick, source, destroy);
    }

    /** The presence; {@code withJid} adds the real JID, {@code self} adds 110 (§7.2.3 presence to self). */
    Element render(boolean withJid, boolean self) {
        String from = room.jid() + "/" + occupant.nick();
        Element.Builder presence = Element.builder("presence", MucXml.CLIENT).attribute("from", from)
                .attribute("type", unavailable ? "unavailable" : null);
        if (source != null) {
            for (Node child : source.children()) {
                if (keep(child)) {
                    presence.child(child);
                }
            }
        }
        presence.child(MucXml.occupantId(occupant.occupantId()));
        presence.child(userElement(withJid, self));
        return presence.build();
    }

    private boolean keep(Node child) {
        if (!(child instanceof Element e)) {
            return false;
        }
        if (e.namespace().equals(MucXml.MUC) || e.namespace().equals(MucXml.USER)
                || e.namespace().equals(MucXml.OCCUPANT_ID)) {
            return false; // ours to write; a client must not forge them (XEP-0421 §4)
        }
        // An unavailable presence shows only the leaving status text (§7.14).
        return !unavailable || e.is("status", MucXml.CLIENT);
    }

    private Element userElement(boolean withJid, boolean self) {
        Role role = unavailable ? Role.NONE : occupant.role();
        Element.Builder item = Element.builder("item", MucXml.USER)
                .attribute("affiliation", room.affiliationOf(occupant.user()).value())
                .attribute("role", role.value())
                .attribute("jid", withJid ? occupant.sessions().get(occupant.sessions().size() - 1).jid().toString()
                        : null)
                .attribute("nick", newNick);
        if (actorNick != null) {
            item.child(Element.builder("actor", MucXml.USER).attribute("nick", actorNick).build());
        }
        if (reason != null) {
            item.child(MucXml.text("reason", MucXml.USER, reason));
        }
        Element.Builder x = Element.builder("x", MucXml.USER).child(item.build());
        if (destroy != null) {
            x.child(destroy);
        }
        codes.stream().sorted().forEach(code -> x.child(MucXml.status(code)));
        if (self) {
            x.child(MucXml.status(110));
        }
        return x.build();
    }
}
