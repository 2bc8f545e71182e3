package org.xmppd.load.scenario;

import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;

/** Reading error stanzas (RFC 6120 §8.3) for failure reasons. */
final class Bounces {
    private Bounces() {
    }

    static boolean isError(Element stanza) {
        return "error".equals(stanza.attributeOrNull("type"));
    }

    /** The defined condition of an error stanza (§8.3.3), e.g. {@code item-not-found}, or "?". */
    static String conditionOf(Element stanza) {
        return stanza.child("error", Namespaces.CLIENT).flatMap(e -> e.childIn(Namespaces.STANZA_ERRORS))
                .map(Element::name).orElse("?");
    }
}
