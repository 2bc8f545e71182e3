package org.xmppd.pubsub.engine;

import java.util.Locale;
import java.util.Optional;

/** XEP-0060 §16.4.3 {@code pubsub#publish_model}: who may publish beyond publishing affiliates. */
public enum PublishModel {
    /** Only owners, publishers and publish-only affiliates. */
    PUBLISHERS,
    /** Subscribers too. */
    SUBSCRIBERS,
    /** Anyone who is not an outcast. */
    OPEN;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PublishModel> fromValue(String value) {
        for (PublishModel model : values()) {
            if (model.value().equals(value)) {
                return Optional.of(model);
            }
        }
        return Optional.empty();
    }
}
