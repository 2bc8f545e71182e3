package org.xmppd.pubsub.engine;

import java.util.Locale;
import java.util.Optional;

/** XEP-0060 §16.4.3 {@code pubsub#send_last_published_item}: when the newest item is sent unasked. */
public enum SendLastItem {
    NEVER,
    /** When a subscription becomes active. */
    ON_SUB,
    /** Also when a subscriber comes online (XEP-0163 §4.3.2 for PEP). */
    ON_SUB_AND_PRESENCE;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SendLastItem> fromValue(String value) {
        for (SendLastItem when : values()) {
            if (when.value().equals(value)) {
                return Optional.of(when);
            }
        }
        return Optional.empty();
    }
}
