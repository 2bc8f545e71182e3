package org.xmppd.muc.xml;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;
import org.xmppd.codec.Node;

/** Namespaces and small element builders shared by the MUC handlers. */
final class MucXml {
    static final String MUC = "http://jabber.org/protocol/muc";
    static final String USER = MUC + "#user";
    static final String ADMIN = MUC + "#admin";
    static final String OWNER = MUC + "#owner";
    static final String UNIQUE = MUC + "#unique";
    static final String REQUEST = MUC + "#request";
    static final String ROOMCONFIG = MUC + "#roomconfig";
    static final String ROOMINFO = MUC + "#roominfo";
    static final String REGISTER_FORM = MUC + "#register";
    static final String DATA = "jabber:x:data";
    static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";
    static final String DISCO_ITEMS = "http://jabber.org/protocol/disco#items";
    static final String REGISTER = "jabber:iq:register";
    static final String CONFERENCE = "jabber:x:conference";
    static final String OCCUPANT_ID = "urn:xmpp:occupant-id:0";
    static final String STANZA_ID = "urn:xmpp:sid:0";
    static final String DELAY = "urn:xmpp:delay";
    static final String PING = "urn:xmpp:ping";
    static final String CLIENT = Namespaces.CLIENT;

    private MucXml() {
    }

    static Element.Builder message(String from, String type) {
        return Element.builder("message", CLIENT).attribute("from", from).attribute("type", type);
    }

    static Element status(int code) {
        return Element.builder("status", USER).attribute("code", String.valueOf(code)).build();
    }

    static Element occupantId(String id) {
        return Element.builder("occupant-id", OCCUPANT_ID).attribute("id", id).build();
    }

    /** XEP-0203 delay stamp, from the room. */
    static Element delay(String from, Instant stamp) {
        return Element.builder("delay", DELAY).attribute("from", from)
                .attribute("stamp", DateTimeFormatter.ISO_INSTANT.format(stamp)).build();
    }

    static Element text(String name, String namespace, String text) {
        return Element.builder(name, namespace).text(text).build();
    }

    /** True when the node is an element in {@code namespace} named {@code name} (any name when null). */
    static boolean is(Node node, String name, String namespace) {
        return node instanceof Element e && e.namespace().equals(namespace) && (name == null || e.name().equals(name));
    }
}
