package org.xmppd.storage;

import java.util.Locale;

/**
 * The subscription state of a roster item (RFC 6121 §2.1.2.5), as seen from the roster's owner:
 * {@code TO} means the owner receives the contact's presence, {@code FROM} the reverse.
 * Pending requests are not states of their own here; {@link RosterItem} keeps them as flags.
 */
public enum Subscription {
    NONE, TO, FROM, BOTH;

    /** The value of the {@code subscription} attribute, e.g. {@code both}. */
    public String attributeValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state an attribute value names; {@link IllegalArgumentException} for anything else. */
    public static Subscription fromAttributeValue(String value) {
        for (Subscription subscription : values()) {
            if (subscription.attributeValue().equals(value)) {
                return subscription;
            }
        }
        throw new IllegalArgumentException("Not a subscription state: " + value);
    }
}
