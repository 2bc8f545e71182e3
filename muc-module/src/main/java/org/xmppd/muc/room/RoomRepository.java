package org.xmppd.muc.room;

import java.util.ArrayList;
import java.util.List;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.DomainBareJid;
import org.xmppd.storage.RoomStore;
import org.xmppd.storage.StoredAffiliation;
import org.xmppd.storage.StoredRoom;

/**
 * Keeps persistent rooms in the {@link RoomStore}: temporary rooms never reach it, and a room
 * made persistent is written whole (XEP-0045 §10.2: persistence is a room option). Their
 * discussion history is not stored here: it comes back from the room's archive.
 */
final class RoomRepository {
    private final RoomStore store;
    private final RoomArchive archive;

    RoomRepository(RoomStore store, RoomArchive archive) {
        this.store = store;
        this.archive = archive;
    }

    /**
     * The stored rooms of {@code service}, unlocked, with their affiliations, subjects and, where
     * archiving is on, their discussion history (XEP-0045 §7.2.15) read back from the archive.
     */
    List<Room> load(DomainBareJid service) {
        List<Room> rooms = new ArrayList<>();
        for (StoredRoom stored : store.rooms(service)) {
            Room room = new Room(stored.jid(), RoomConfig.fromMap(stored.config()), stored.created(), false);
            if (stored.subject() != null) {
                room.subject(new Subject(stored.subject(), stored.subjectBy(), null, stored.created()));
            }
            for (StoredAffiliation a : store.affiliations(stored.jid())) {
                Affiliation affiliation = Affiliation.fromValueOrNull(a.affiliation());
                if (affiliation != null && affiliation != Affiliation.NONE) {
                    room.putAffiliation(new AffiliationEntry(a.jid(), affiliation, a.nick(), a.reason()));
                }
            }
            restoreHistory(room);
            rooms.add(room);
        }
        return rooms;
    }

    private void restoreHistory(Room room) {
        int length = room.config().get(RoomOptions.HISTORY_LENGTH);
        if (room.config().get(RoomOptions.ARCHIVING) && length > 0) {
            archive.recent(room.jid(), length).forEach(entry -> room.addHistory(entry, length));
        }
    }

    /** Writes the configuration and subject of a persistent room. */
    void save(Room room) {
        if (isStored(room)) {
            Subject subject = room.subject();
            store.save(new StoredRoom(room.jid(), room.config().asMap(), subject == null ? null : subject.text(),
                    subject == null ? null : subject.nick(), room.created()));
        }
    }

    /** Writes a room that just became persistent, with its affiliations. */
    void saveWhole(Room room) {
        save(room);
        if (isStored(room)) {
            room.affiliations().forEach(entry -> affiliation(room, entry));
        }
    }

    void affiliation(Room room, AffiliationEntry entry) {
        if (isStored(room)) {
            store.setAffiliation(room.jid(), new StoredAffiliation(entry.jid(), entry.affiliation().value(),
                    entry.nick(), entry.reason()));
        }
    }

    void removeAffiliation(Room room, BareJid jid) {
        if (isStored(room)) {
            store.removeAffiliation(room.jid(), jid);
        }
    }

    /** Forgets the room (destroyed, or no longer persistent). */
    void delete(Room room) {
        store.delete(room.jid());
    }

    private static boolean isStored(Room room) {
        return room.config().get(RoomOptions.PERSISTENT) && !room.isLocked();
    }
}
