package org.xmppd.codec;

/** A request that must be answered with a stanza error (RFC 6120 §8.3) rather than processed. */
public final class StanzaErrorException extends Exception {
    private final StanzaErrorCondition condition;

    public StanzaErrorException(StanzaErrorCondition condition, String text) {
        super(text == null ? condition.elementName() : text);
        this.condition = condition;
    }

    public StanzaErrorCondition condition() {
        return condition;
    }
}
