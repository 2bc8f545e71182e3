package org.xmppd.muc.room;

import java.time.Instant;
import org.jxmpp.jid.EntityFullJid;
import org.xmppd.codec.Element;

/**
 * A message sent to the room, as kept for the discussion history (XEP-0045 §7.2.15) and fanned
 * out: the XML layer renders it for the wire.
 *
 * @param nick       the sender's nickname at the time
 * @param occupantId the sender's XEP-0421 occupant id
 * @param sender     the sender's real JID (shown only where the room's anonymity allows); null for
 *                   history read back from the archive, which never keeps real JIDs
 * @param payload    the message as received (opaque to the engine)
 * @param stanzaId   the id the room assigned (XEP-0359)
 * @param time       when the room accepted it
 * @param size       its size in characters, for {@code maxchars}
 */
public record HistoryEntry(String nick, String occupantId, EntityFullJid sender, Element payload, String stanzaId,
        Instant time, int size) {
}
