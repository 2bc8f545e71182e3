package org.xmppd.codec;

/** A {@code <message/>} (RFC 6121 §5). */
public final class Message extends Stanza {
    public Message(Element element) {
        super(element);
    }

    /** The type, defaulting to "normal" as RFC 6121 §5.2.2 says. */
    public String messageType() {
        String type = type();
        return type == null ? "normal" : type;
    }

    public String bodyOrNull() {
        Element body = element().childOrNull("body", element().namespace());
        return body == null ? null : body.text();
    }
}
