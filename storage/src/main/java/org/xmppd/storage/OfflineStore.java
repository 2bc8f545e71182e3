package org.xmppd.storage;

import java.time.Instant;
import java.util.List;

import org.jxmpp.jid.EntityBareJid;

/**
 * Offline messages (XEP-0160): kept in arrival order, bounded per user, removed once delivered.
 * Also the in-flight messages of durable delivery: handed to a session that acknowledges
 * stanzas (XEP-0198) and not yet acknowledged; a crash leaves them to become offline messages.
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

    /**
     * Durable delivery: keeps messages about to be written to their users' sessions until the
     * sessions acknowledge them, all in one transaction (one commit for many messages). Not
     * bounded: the messages were already accepted.
     *
     * @return the ids to pass to {@link #removeInFlight}, in the order of {@code messages}
     */
    List<Long> addInFlight(List<InFlightMessage> messages);

    /** Forgets in-flight messages (acknowledged, or handled otherwise); unknown ids are ignored. */
    void removeInFlight(List<Long> ids);

    /**
     * Turns every in-flight message into an offline message of its user, oldest first and with its
     * original receipt time, regardless of the limit (at start, after a crash). Atomic.
     *
     * @return how many were moved
     */
    int recoverInFlight();
}
