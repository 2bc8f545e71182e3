package org.xmppd.storage;

import java.time.Instant;
import java.util.Objects;

import org.jxmpp.jid.EntityBareJid;

/**
 * One archived message (XEP-0313).
 *
 * @param archive      the owner: an account's bare JID, or a room's
 * @param id           the archive id from {@link ArchiveIds}; it is also the message's XEP-0359
 *                     stanza id, and carries the archiving time
 * @param with         the bare JID of the other party (for a room: the room), the {@code with} filter
 * @param withResource the other party's resource (for a room: the occupant's nick), or null
 * @param outgoing     true when the owner sent it
 * @param originId     the sender's XEP-0359 origin id, or null
 * @param stanzaXml    the message stanza, serialized
 */
public record ArchivedMessage(EntityBareJid archive, long id, String with, String withResource, boolean outgoing,
        String originId, String stanzaXml) {
    /** Longest origin id kept for lookups; longer ones are stored as null (not found by retraction). */
    public static final int MAX_ORIGIN_ID_CHARS = 128;

    public ArchivedMessage {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(with, "with");
        Objects.requireNonNull(stanzaXml, "stanzaXml");
        if (id <= 0) {
            throw new IllegalArgumentException("archive ids are positive: " + id);
        }
        if (originId != null && (originId.isEmpty() || originId.length() > MAX_ORIGIN_ID_CHARS)) {
            originId = null;
        }
    }

    /** When it was archived, to the millisecond (from the id). */
    public Instant stamp() {
        return ArchiveIds.instantOf(id);
    }
}
