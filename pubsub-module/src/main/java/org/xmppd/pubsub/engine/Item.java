package org.xmppd.pubsub.engine;

import java.time.Instant;
import java.util.Objects;

import org.jxmpp.jid.Jid;

/**
 * A published item.
 *
 * @param id        the ItemID
 * @param publisher who published it
 * @param payload   the serialized payload, opaque to the engine; empty when the item has none
 * @param published when it was published
 */
public record Item(String id, Jid publisher, String payload, Instant published) {
    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(published, "published");
    }

    public boolean hasPayload() {
        return !payload.isEmpty();
    }
}
