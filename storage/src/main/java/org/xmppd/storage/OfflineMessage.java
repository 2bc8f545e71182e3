package org.xmppd.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * A message kept for a user who had no available resource (XEP-0160).
 *
 * @param id        the store's id, increasing in arrival order; pass it to {@link OfflineStore#remove}
 * @param stanzaXml the message stanza, serialized
 * @param received  when the server accepted it (millisecond precision), for the XEP-0203 delay stamp
 */
public record OfflineMessage(long id, String stanzaXml, Instant received) {
    public OfflineMessage {
        Objects.requireNonNull(stanzaXml, "stanzaXml");
        Objects.requireNonNull(received, "received");
    }
}
