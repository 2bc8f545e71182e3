package org.xmppd.codec;

/** A condition that ends the stream with a stream error (RFC 6120 §4.9). */
public final class StreamErrorException extends Exception {
    private final StreamErrorCondition condition;

    public StreamErrorException(StreamErrorCondition condition, String text) {
        super(condition.elementName() + (text == null ? "" : ": " + text));
        this.condition = condition;
    }

    public StreamErrorCondition condition() {
        return condition;
    }

    /** The human-readable text sent in the stream error, or null. */
    public String text() {
        String message = getMessage();
        int colon = message.indexOf(": ");
        return colon < 0 ? null : message.substring(colon + 2);
    }
}
