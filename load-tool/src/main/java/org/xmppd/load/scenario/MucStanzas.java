package org.xmppd.load.scenario;

import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;
import org.xmppd.codec.XmlWriter;

/** What the muc scenario sends (XEP-0045), as XML text in a {@code jabber:client} stream. */
final class MucStanzas {
    static final String MUC = "http://jabber.org/protocol/muc";
    static final String MUC_USER = MUC + "#user";
    static final String MUC_OWNER = MUC + "#owner";
    static final String DATA_FORMS = "jabber:x:data";

    private MucStanzas() {
    }

    /** §7.2.1 entering a room, asking for no history (§7.2.13) so earlier steps are not replayed. */
    static String join(String occupantJid) {
        Element history = Element.builder("history", MUC).attribute("maxstanzas", "0").build();
        Element presence = Element.builder("presence", Namespaces.CLIENT).attribute("to", occupantJid)
                .child(Element.builder("x", MUC).child(history).build()).build();
        return XmlWriter.toStreamXml(presence, Namespaces.CLIENT);
    }

    /** §10.1.2 creating an instant room: an empty submitted owner form unlocks it with default settings. */
    static String instantRoom(String roomJid, String id) {
        Element form = Element.builder("x", DATA_FORMS).attribute("type", "submit").build();
        Element iq = Element.builder("iq", Namespaces.CLIENT).attribute("type", "set").attribute("to", roomJid)
                .attribute("id", id).child(Element.builder("query", MUC_OWNER).child(form).build()).build();
        return XmlWriter.toStreamXml(iq, Namespaces.CLIENT);
    }

    /** §7.4 a message to all occupants; the hot path, so written without building elements. */
    static String groupchat(String roomJid, String id, String body) {
        StringBuilder out = new StringBuilder(80 + roomJid.length() + body.length())
                .append("<message type='groupchat' to='");
        XmlWriter.escape(roomJid, true, out);
        out.append("' id='");
        XmlWriter.escape(id, true, out);
        out.append("'><body>");
        XmlWriter.escape(body, false, out);
        return out.append("</body></message>").toString();
    }

    /** The status codes of a MUC presence (§7.2.2 110 self-presence, §10.1.1 201 room created). */
    static boolean hasStatus(Element presence, String code) {
        return presence.child("x", MUC_USER).stream().flatMap(x -> x.elements().stream())
                .anyMatch(s -> s.name().equals("status") && code.equals(s.attributeOrNull("code")));
    }
}
