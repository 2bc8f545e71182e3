package org.xmppd.storage;

import java.util.Map;
import java.util.Optional;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;

/**
 * Rosters (RFC 6121 §2) with their versions (XEP-0237) and the inbound subscription requests
 * kept until the owner answers them (§3.1.3).
 *
 * <p>Every modification of the items yields a new version, unique for the owner over time (also
 * across {@link #deleteAll}, see {@link RosterVersions}): a client holding an old version must
 * never be told "unchanged".
 * Methods may block and are thread-safe; backend failures are {@link StorageException}s.
 */
public interface RosterStore {
    /** The version of a roster that was never written (or was deleted): it has no items. */
    String EMPTY_VERSION = "0";

    /** The owner's roster; an empty one with {@link #EMPTY_VERSION} when there is none. */
    Roster roster(EntityBareJid owner);

    Optional<RosterItem> item(EntityBareJid owner, BareJid contact);

    /** Inserts or replaces the item for {@code item.jid()}; returns the roster's new version. */
    String put(EntityBareJid owner, RosterItem item);

    /**
     * Removes the item; returns the roster's new version. When there is no such item nothing
     * changes and the current version is returned.
     */
    String remove(EntityBareJid owner, BareJid contact);

    /**
     * Keeps the inbound subscription request stanza (serialized XML) of a pending-in contact,
     * replacing an earlier one, so it can be delivered again at the owner's next login
     * (RFC 6121 §3.1.3). Does not change the roster version.
     */
    void putPendingRequest(EntityBareJid owner, BareJid contact, String presenceXml);

    /** The kept requests by contact; empty when none. */
    Map<BareJid, String> pendingRequests(EntityBareJid owner);

    /** Forgets the request of {@code contact} (answered or cancelled); no-op when absent. */
    void removePendingRequest(EntityBareJid owner, BareJid contact);

    /** Removes the owner's roster and pending requests (account deletion). */
    void deleteAll(EntityBareJid owner);
}
