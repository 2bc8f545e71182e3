package org.xmppd.pubsub.engine;

import java.util.Locale;
import java.util.Optional;

/** XEP-0060 §4.1: what a JID may do with a node, from most to least privileged (outcast last). */
public enum Affiliation {
    OWNER, PUBLISHER, PUBLISH_ONLY, MEMBER, NONE, OUTCAST;

    /** The protocol value, e.g. {@code publish-only}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Affiliation> fromValue(String value) {
        for (Affiliation affiliation : values()) {
            if (affiliation.value().equals(value)) {
                return Optional.of(affiliation);
            }
        }
        return Optional.empty();
    }

    /** §4.1 table: owners, publishers and publish-only affiliates may publish whatever the publish model. */
    public boolean mayPublish() {
        return this == OWNER || this == PUBLISHER || this == PUBLISH_ONLY;
    }

    /** §4.1 table: owners, publishers and members may subscribe and retrieve items whatever the access model. */
    public boolean mayRetrieve() {
        return this == OWNER || this == PUBLISHER || this == MEMBER;
    }
}
