package org.xmppd.storage;

import java.util.List;
import java.util.Optional;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;

/**
 * XEP-0045 rooms that outlive their occupants (persistent rooms): configuration, subject and
 * affiliations. The MUC module owns what the configuration means; the store keeps it as
 * option name to text, so a new room option needs no schema change.
 *
 * <p>Methods may block and are thread-safe; backend failures are {@link StorageException}s.
 */
public interface RoomStore {
    /** Every stored room of the service domain {@code service} (e.g. {@code conference.example.org}). */
    List<StoredRoom> rooms(DomainBareJid service);

    Optional<StoredRoom> room(EntityBareJid room);

    /** Creates the room or replaces its configuration and subject; its affiliations stay. */
    void save(StoredRoom room);

    /** Removes the room and its affiliations; false when there was no such room. */
    boolean delete(EntityBareJid room);

    /** The room's affiliations, sorted by JID ({@link String#compareTo} of the JID text). */
    List<StoredAffiliation> affiliations(EntityBareJid room);

    /** Sets {@code affiliation.jid()}'s affiliation, replacing any previous one. */
    void setAffiliation(EntityBareJid room, StoredAffiliation affiliation);

    /** Removes one affiliation (back to none); false when there was none. */
    boolean removeAffiliation(EntityBareJid room, BareJid jid);
}
