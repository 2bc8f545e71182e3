package org.xmppd.codec;

import java.util.Optional;

/** An {@code <iq/>} (RFC 6120 §8.2.3): get/set requests carry exactly one payload child. */
public final class Iq extends Stanza {
    public Iq(Element element) {
        super(element);
    }

    public boolean isRequest() {
        String type = type();
        return "get".equals(type) || "set".equals(type);
    }

    public boolean isResponse() {
        String type = type();
        return "result".equals(type) || "error".equals(type);
    }

    /** The payload: the first child element (a request has exactly one). */
    public Optional<Element> payload() {
        return element().firstElement();
    }

    /** An empty result for this request. */
    public Element emptyResult() {
        return result(null);
    }

    /** A result for this request carrying {@code payload}, if not null. */
    public Element result(Element payload) {
        Element.Builder reply = Element.builder("iq", element().namespace())
                .attribute("id", id())
                .attribute("type", "result")
                .attribute("from", element().attributeOrNull("to"))
                .attribute("to", element().attributeOrNull("from"));
        if (payload != null) {
            reply.child(payload);
        }
        return reply.build();
    }
}
