package org.xmppd.storage;

import java.time.Instant;
import java.util.Objects;

import org.jxmpp.jid.Jid;

/**
 * A published item (XEP-0060 §7.1) as a {@link NodeStore} keeps it.
 *
 * @param id        the ItemID, unique within its node
 * @param publisher who published it (the full JID it came from)
 * @param payload   the XML of the item's children, as the pubsub module serialized them; empty
 *                  for an item without payload
 * @param published when it was published (to the millisecond)
 */
public record StoredItem(String id, Jid publisher, String payload, Instant published) {
    public StoredItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(published, "published");
    }
}
