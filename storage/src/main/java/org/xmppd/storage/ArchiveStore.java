package org.xmppd.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jxmpp.jid.EntityBareJid;

/**
 * Message archives (XEP-0313): one per account and one per group chat room, each an ordered log
 * of messages keyed by {@link ArchiveIds time-ordered ids}. Every query is a range over ids (time
 * bounds become id bounds), so a page costs the same whatever the size of the archive; backends
 * must serve it from an index or an ordered scan, never by counting or skipping rows.
 *
 * <p>Methods may block and are thread-safe; backend failures are {@link StorageException}s.
 */
public interface ArchiveStore {
    /**
     * Stores messages, each in its own archive. Ids come from {@link ArchiveIds} and are unique
     * within an archive; storing an id again replaces the message (a retried batch is harmless).
     */
    void append(List<ArchivedMessage> messages);

    /**
     * One page of {@code archive} matching {@code query}, oldest first; an unknown archive gives
     * an empty, complete page.
     */
    ArchivePage query(EntityBareJid archive, ArchiveQuery query);

    /** The message with this id, if the archive has it. */
    Optional<ArchivedMessage> find(EntityBareJid archive, long id);

    /**
     * The newest message of {@code archive} exchanged with {@code with} (bare JID) that carried
     * this XEP-0359 origin id, for XEP-0424 retraction; origin ids longer than
     * {@link ArchivedMessage#MAX_ORIGIN_ID_CHARS} are not kept and never found.
     */
    Optional<ArchivedMessage> findByOriginId(EntityBareJid archive, String with, String originId);

    /** Replaces the stanza of a stored message (a retraction tombstone); false when it is not there. */
    boolean replace(EntityBareJid archive, long id, String stanzaXml);

    /** Removes one message; false when it was not there. */
    boolean delete(EntityBareJid archive, long id);

    /** Removes a whole archive (account or room deletion). */
    void deleteArchive(EntityBareJid archive);

    /**
     * Retention by age: removes at most {@code limit} messages older than {@code cutoff}, across
     * all archives, so a caller can work in short steps that never hold the store for long.
     *
     * @return how many were removed; fewer than {@code limit} means none older are left
     */
    int removeOlderThan(Instant cutoff, int limit);

    /**
     * Retention by count: removes the oldest messages of {@code archive} beyond the newest
     * {@code keep}.
     *
     * @return how many were removed
     */
    int trim(EntityBareJid archive, int keep);

    /** Archive owners in JID string order after {@code after} (null: from the start), at most {@code limit}. */
    List<EntityBareJid> archives(EntityBareJid after, int limit);

    /** The oldest and newest message ids of {@code archive} (XEP-0313 metadata); empty when it has none. */
    Optional<ArchiveBounds> bounds(EntityBareJid archive);

    /**
     * The first and last ids of an archive.
     *
     * @param first the oldest id
     * @param last  the newest id
     */
    record ArchiveBounds(long first, long last) {
    }
}
