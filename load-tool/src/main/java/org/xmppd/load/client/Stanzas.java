package org.xmppd.load.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;
import org.xmppd.codec.StreamOpen;
import org.xmppd.codec.XmlWriter;

/** The few things the load client writes, as XML text in a {@code jabber:client} stream. */
final class Stanzas {
    static final String REGISTER = "jabber:iq:register";
    static final String ROSTER = "jabber:iq:roster";
    static final String PING = "urn:xmpp:ping";
    static final String STARTTLS = "<starttls xmlns='" + Namespaces.TLS + "'/>";
    static final String PRESENCE = "<presence/>";
    static final String CLOSE = "</stream:stream>";

    private Stanzas() {
    }

    /** RFC 6120 §4.7: the initial stream header, sent again after TLS and after SASL. */
    static String header(String domain) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("to", domain);
        attributes.put("version", "1.0");
        return StreamOpen.header(Namespaces.CLIENT, attributes);
    }

    static String auth(Mechanism mechanism, String initialResponse) {
        return "<auth xmlns='" + Namespaces.SASL + "' mechanism='" + mechanism.saslName() + "'>"
                + base64(initialResponse) + "</auth>";
    }

    static String response(String message) {
        return "<response xmlns='" + Namespaces.SASL + "'>" + base64(message) + "</response>";
    }

    static String bind(String id, String resource) {
        Element bind = Element.builder("bind", Namespaces.BIND).textChild("resource", Namespaces.BIND, resource).build();
        return iq("set", id, bind);
    }

    static String session(String id) {
        return iq("set", id, Element.of("session", Namespaces.SESSION));
    }

    static String rosterGet(String id) {
        return iq("get", id, Element.of("query", ROSTER));
    }

    /** XEP-0077 §3.1: registration in one step, without asking for the form first. */
    static String register(String id, Account account) {
        Element query = Element.builder("query", REGISTER)
                .textChild("username", REGISTER, account.username())
                .textChild("password", REGISTER, account.password())
                .build();
        return iq("set", id, query);
    }

    /** RFC 6120 §8.2.3: every get/set gets a result or an error; pings (XEP-0199) a result. */
    static String reply(Element request) {
        Element.Builder reply = Element.builder("iq", Namespaces.CLIENT)
                .attribute("id", request.attributeOrNull("id"))
                .attribute("to", request.attributeOrNull("from"));
        if (request.child("ping", PING).isPresent()) {
            return XmlWriter.toStreamXml(reply.attribute("type", "result").build(), Namespaces.CLIENT);
        }
        Element error = Element.builder("error", Namespaces.CLIENT).attribute("type", "cancel")
                .child(Element.of("service-unavailable", Namespaces.STANZA_ERRORS)).build();
        return XmlWriter.toStreamXml(reply.attribute("type", "error").child(error).build(), Namespaces.CLIENT);
    }

    /** A chat message; the hot path of the chat scenario, so written without building elements. */
    static String chat(String to, String id, String body) {
        StringBuilder out = new StringBuilder(96 + to.length() + body.length()).append("<message type='chat' to='");
        XmlWriter.escape(to, true, out);
        out.append("' id='");
        XmlWriter.escape(id, true, out);
        out.append("'><body>");
        XmlWriter.escape(body, false, out);
        return out.append("</body></message>").toString();
    }

    private static String iq(String type, String id, Element child) {
        Element iq = Element.builder("iq", Namespaces.CLIENT).attribute("type", type).attribute("id", id)
                .child(child).build();
        return XmlWriter.toStreamXml(iq, Namespaces.CLIENT);
    }

    private static String base64(String text) {
        return text.isEmpty() ? "=" : Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
