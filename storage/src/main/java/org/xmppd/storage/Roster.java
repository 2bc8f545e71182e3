package org.xmppd.storage;

import java.util.List;
import java.util.Objects;

/**
 * A roster and its version (XEP-0237). The version changes on every modification of the items;
 * versions compare only for equality (§4: opaque strings), never for order.
 *
 * @param version the roster version; {@link RosterStore#EMPTY_VERSION} for a roster never written
 * @param items   the items, sorted by the contact's string form
 */
public record Roster(String version, List<RosterItem> items) {
    public Roster {
        Objects.requireNonNull(version, "version");
        items = List.copyOf(items);
    }
}
