package org.xmppd.storage;

import java.time.Instant;
import java.util.List;

import org.jxmpp.jid.EntityBareJid;

/**
 * Offline messages (XEP-0160): kept in arrival order, bounded per user, removed once delivered.
 * Methods may block and are thread-safe; backend failures are {@link StorageException}s.
 */
public interface OfflineStore {
    /**
     * Appends a message unless the user already has {@code limit} messages. The check and the
     * append are atomic, so concurrent senders never push a user past the limit.
     *
     * @return false when nothing was stored because the limit was reached
     */
    boolean add(EntityBareJid user, String stanzaXml, Instant received, int limit);

    /** The user's messages, oldest first. */
    List<OfflineMessage> list(EntityBareJid user);

    int count(EntityBareJid user);

    /** Removes the user's messages with these ids (after delivery); unknown ids are ignored. */
    void remove(EntityBareJid user, List<Long> ids);

    /** Removes all the user's messages (account deletion). */
    void deleteAll(EntityBareJid user);
}
