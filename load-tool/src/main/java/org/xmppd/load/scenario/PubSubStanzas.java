package org.xmppd.load.scenario;

import java.util.Optional;
import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;
import org.xmppd.codec.XmlWriter;

/**
 * What the pubsub scenario sends and reads (XEP-0060), as XML text in a {@code jabber:client}
 * stream. Items carry an Atom entry, the payload of the XEP's own examples, whose title holds the
 * {@link LatencyMark}.
 */
final class PubSubStanzas {
    static final String PUBSUB = "http://jabber.org/protocol/pubsub";
    static final String EVENT = PUBSUB + "#event";
    static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String NODE_CONFIG = PUBSUB + "#node_config";

    private PubSubStanzas() {
    }

    /** §8.1.3 creating a node with {@code pubsub#access_model} open, so anyone may subscribe (§4.5). */
    static String createOpenNode(String service, String node, String id) {
        Element form = Element.builder("x", MucStanzas.DATA_FORMS).attribute("type", "submit")
                .child(field("FORM_TYPE", NODE_CONFIG).toBuilder().attribute("type", "hidden").build())
                .child(field("pubsub#access_model", "open"))
                .build();
        Element pubsub = Element.builder("pubsub", PUBSUB)
                .child(Element.builder("create", PUBSUB).attribute("node", node).build())
                .child(Element.builder("configure", PUBSUB).child(form).build())
                .build();
        return iq(service, id, pubsub);
    }

    /** §6.1.1 subscribing {@code bareJid}, the subscriber's own bare JID. */
    static String subscribe(String service, String node, String bareJid, String id) {
        Element pubsub = Element.builder("pubsub", PUBSUB)
                .child(Element.builder("subscribe", PUBSUB).attribute("node", node).attribute("jid", bareJid).build())
                .build();
        return iq(service, id, pubsub);
    }

    /** §7.1.1 publishing one item; the hot path, so written without building elements. */
    static String publish(String service, String node, String id, String itemId, String title) {
        StringBuilder out = new StringBuilder(256 + title.length()).append("<iq type='set' to='");
        XmlWriter.escape(service, true, out);
        out.append("' id='");
        XmlWriter.escape(id, true, out);
        out.append("'><pubsub xmlns='").append(PUBSUB).append("'><publish node='");
        XmlWriter.escape(node, true, out);
        out.append("'><item id='");
        XmlWriter.escape(itemId, true, out);
        out.append("'><entry xmlns='").append(ATOM).append("'><title>");
        XmlWriter.escape(title, false, out);
        return out.append("</title></entry></item></publish></pubsub></iq>").toString();
    }

    /** The entry titles of a §7.1.2.1 event notification about {@code node}; empty for anything else. */
    static Optional<String> notifiedTitle(Element message, String node) {
        return message.child("event", EVENT)
                .flatMap(event -> event.child("items", EVENT))
                .filter(items -> node.equals(items.attributeOrNull("node")))
                .flatMap(items -> items.child("item", EVENT))
                .flatMap(item -> item.child("entry", ATOM))
                .flatMap(entry -> entry.childText("title", ATOM));
    }

    /**
     * The state a §6.1.2 subscribe result gives: {@code subscribed}, {@code pending},
     * {@code unconfigured}; a result without a subscription element means subscribed.
     */
    static String subscriptionState(Element result) {
        return result.child("pubsub", PUBSUB).flatMap(p -> p.child("subscription", PUBSUB))
                .map(s -> s.attributeOrNull("subscription")).orElse("subscribed");
    }

    private static Element field(String var, String value) {
        return Element.builder("field", MucStanzas.DATA_FORMS).attribute("var", var)
                .textChild("value", MucStanzas.DATA_FORMS, value).build();
    }

    private static String iq(String to, String id, Element child) {
        Element iq = Element.builder("iq", Namespaces.CLIENT).attribute("type", "set").attribute("to", to)
                .attribute("id", id).child(child).build();
        return XmlWriter.toStreamXml(iq, Namespaces.CLIENT);
    }
}
