package org.xmppd.pubsub.engine;

import java.util.Locale;
import java.util.Optional;

/** XEP-0060 §4.5: who may subscribe to a node and retrieve its items. */
public enum AccessModel {
    /** Anyone. */
    OPEN,
    /** Entities subscribed to an owner's presence (the PEP default, XEP-0163 §5). */
    PRESENCE,
    /** Entities in an owner's roster, in one of the allowed groups. */
    ROSTER,
    /** Anyone may ask; an owner approves each subscription. */
    AUTHORIZE,
    /** Only affiliated entities (members, publishers, owners). */
    WHITELIST;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AccessModel> fromValue(String value) {
        for (AccessModel model : values()) {
            if (model.value().equals(value)) {
                return Optional.of(model);
            }
        }
        return Optional.empty();
    }
}
