package org.xmppd.server.modules.mam;

import org.xmppd.codec.Element;
import org.xmppd.codec.Node;

/** XEP-0359 unique and stable stanza ids on archived messages. */
public final class StanzaIds {
    public static final String NAMESPACE = "urn:xmpp:sid:0";

    private StanzaIds() {
    }

    /**
     * {@code message} with a {@code <stanza-id/>} by {@code by}, after removing any stanza id that
     * claims to be by {@code by}: only {@code by} itself may assign those (XEP-0359 §5).
     */
    public static Element withStanzaId(Element message, String by, String id) {
        return withoutOwnIds(message, by).toBuilder()
                .child(Element.builder("stanza-id", NAMESPACE).attribute("id", id).attribute("by", by).build())
                .build();
    }

    /** {@code message} without stanza ids claiming to be by {@code by} (itself when there are none). */
    public static Element withoutOwnIds(Element message, String by) {
        boolean found = false;
        for (Element child : message.elements()) {
            found |= isIdBy(child, by);
        }
        if (!found) {
            return message;
        }
        Element.Builder copy = message.toBuilder().clearChildren();
        for (Node node : message.children()) {
            if (!(node instanceof Element child && isIdBy(child, by))) {
                copy.child(node);
            }
        }
        return copy.build();
    }

    /** The sender's {@code <origin-id/>}, or null. */
    public static String originId(Element message) {
        return message.child("origin-id", NAMESPACE).map(e -> e.attributeOrNull("id")).orElse(null);
    }

    private static boolean isIdBy(Element child, String by) {
        return child.is("stanza-id", NAMESPACE) && by.equals(child.attributeOrNull("by"));
    }
}
