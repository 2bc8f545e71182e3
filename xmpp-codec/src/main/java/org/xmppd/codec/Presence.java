package org.xmppd.codec;

/** A {@code <presence/>} (RFC 6121 §4). Without a type it announces availability. */
public final class Presence extends Stanza {
    public Presence(Element element) {
        super(element);
    }

    public boolean isAvailable() {
        return type() == null;
    }

    /** The priority, 0 when absent or unparsable (RFC 6121 §4.7.2.3: a byte, -128 to 127). */
    public int priority() {
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
