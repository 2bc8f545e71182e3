package org.xmppd.pubsub.engine;

import java.util.Locale;
import java.util.Optional;

/** XEP-0060 §4.2 subscription states. */
public enum SubscriptionState {
    NONE,
    /** Awaiting an owner's approval (authorize access model, §6.1.3.2). */
    PENDING,
    /** Options must be configured first (§6.1.3.3); this service never asks for that. */
    UNCONFIGURED,
    SUBSCRIBED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SubscriptionState> fromValue(String value) {
        for (SubscriptionState state : values()) {
            if (state.value().equals(value)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
