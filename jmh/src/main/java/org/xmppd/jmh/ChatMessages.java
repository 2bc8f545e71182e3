package org.xmppd.jmh;

import java.nio.charset.StandardCharsets;
import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;

/**
 * The message both benchmarks use: what a modern client (Conversations, Dino, Gajim) sends for
 * one line of chat: a body of about 80 characters, a chat state (XEP-0085), a receipt request
 * (XEP-0184), a marker (XEP-0333) and an origin id (XEP-0359), addressed full JID to bare JID.
 * About 500 bytes on the wire.
 */
final class ChatMessages {
    static final String FROM = "juliet@capulet.example/balcony-4f2a";
    static final String TO = "romeo@montague.example";
    static final String ID = "5e9c1a8e-2b1f-4bde-9f3c-6a2f1d0c7b11";
    static final String BODY = "Wherefore art thou Romeo? Deny thy father & refuse thy name <or swear my love>.";

    private ChatMessages() {
    }

    /** The message as a client writes it, without a stream prefix (jabber:client is the default namespace). */
    static byte[] wireBytes() {
        return ("<message xmlns='jabber:client' from='" + FROM + "' to='" + TO + "' type='chat' id='" + ID
                + "' xml:lang='en'><body>" + BODY.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                + "</body><active xmlns='http://jabber.org/protocol/chatstates'/>"
                + "<request xmlns='urn:xmpp:receipts'/><markable xmlns='urn:xmpp:chat-markers:0'/>"
                + "<origin-id xmlns='urn:xmpp:sid:0' id='" + ID + "'/></message>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The same message as an element, as the router hands it to the serializer. */
    static Element element() {
        return Element.builder("message", Namespaces.CLIENT)
                .attribute("from", FROM).attribute("to", TO).attribute("type", "chat").attribute("id", ID)
                .textChild("body", Namespaces.CLIENT, BODY)
                .child(Element.of("active", "http://jabber.org/protocol/chatstates"))
                .child(Element.of("request", "urn:xmpp:receipts"))
                .child(Element.of("markable", "urn:xmpp:chat-markers:0"))
                .child(Element.builder("origin-id", "urn:xmpp:sid:0").attribute("id", ID).build())
                .build();
    }
}
