package org.xmppd.pubsub.xml;

import java.util.List;

import org.xmppd.codec.Element;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.pubsub.engine.Item;
import org.xmppd.server.module.Xml;

/**
 * Item payloads between XML and the engine, which keeps them as text: one element serialized
 * ({@link Element#toXml()}), read back through the server's restricted parser.
 */
public final class Payloads {
    private Payloads() {
    }

    /**
     * The payload of an {@code <item/>}: its one child serialized, or empty when it has none.
     *
     * @throws StanzaErrorException bad-request + invalid-payload for several children (XEP-0060 §7.1.3.5)
     */
    public static String of(Element item) throws StanzaErrorException {
        List<Element> children = item.elements();
        if (children.isEmpty()) {
            return "";
        }
        if (children.size() > 1) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "invalid-payload");
        }
        return children.get(0).toXml();
    }

    /** The payload element of {@code item}, or null when it has none. */
    public static Element element(Item item) {
        return item.hasPayload() ? Xml.parseElement(item.payload()) : null;
    }

    /**
     * {@code <item id='...'>payload</item>} in {@code namespace}; the payload left out when asked,
     * the publisher's bare JID named when asked (XEP-0060 §7.1.2.1, {@code pubsub#itemreply}).
     */
    public static Element item(Item item, boolean withPayload, boolean withPublisher, String namespace) {
        Element.Builder element = Element.builder("item", namespace).attribute("id", item.id());
        if (withPublisher) {
            element.attribute("publisher", item.publisher().asBareJid().toString());
        }
        Element payload = withPayload ? element(item) : null;
        if (payload != null) {
            element.child(payload);
        }
        return element.build();
    }

    /** An item in the {@code pubsub} namespace (for item retrieval). */
    public static Element item(Item item, boolean withPayload, boolean withPublisher) {
        return item(item, withPayload, withPublisher, Ns.PUBSUB);
    }
}
