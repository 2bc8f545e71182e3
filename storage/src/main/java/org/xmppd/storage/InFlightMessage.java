package org.xmppd.storage;

import java.time.Instant;
import java.util.Objects;

import org.jxmpp.jid.EntityBareJid;

/**
 * A message about to be written to one of {@code user}'s sessions, kept until the session
 * acknowledges it (durable delivery, {@link OfflineStore#addInFlight}).
 *
 * @param received when the server accepted it (millisecond precision), for the XEP-0203 delay
 *                 stamp should it become an offline message
 */
public record InFlightMessage(EntityBareJid user, String stanzaXml, Instant received) {
    public InFlightMessage {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(stanzaXml, "stanzaXml");
        Objects.requireNonNull(received, "received");
    }
}
