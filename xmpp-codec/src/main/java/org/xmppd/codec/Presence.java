package org.xmppd.codec;

/** A {@code <presence/>} (RFC 6121 §4). Without a type it announces availability. */
public final class Presence extends Stanza {
    private static final int UNKNOWN = Integer.MIN_VALUE;

    /**
     * Both read once: a session's presence is asked on every message to its account. A race
     * only computes the same value twice.
     */
    private int available = UNKNOWN;
    private int priority = UNKNOWN;

    public Presence(Element element) {
        super(element);
    }

    public boolean isAvailable() {
        if (available == UNKNOWN) {
            available = type() == null ? 1 : 0;
        }
        return available == 1;
    }

    /** The priority, 0 when absent or unparsable (RFC 6121 §4.7.2.3: a byte, -128 to 127). */
    public int priority() {
        if (priority == UNKNOWN) {
            priority = parsePriority();
        }
        return priority;
    }

    private int parsePriority() {
        String text = element().childText("priority", element().namespace()).orElse(null);
        if (text == null) {
            return 0;
        }
        try {
            int value = Integer.parseInt(text.trim());
            return Math.max(-128, Math.min(127, value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
