package org.xmppd.muc.room;

import java.time.Instant;
import java.util.List;
import org.jxmpp.jid.EntityBareJid;
import org.xmppd.storage.ArchiveIds;

/**
 * Where the rooms' group messages are archived (XEP-0313), as the engine sees it: the archive
 * hands out each message's id (also its XEP-0359 stanza id, so occupants and archive queries
 * name a message alike), gives back a room's newest messages as discussion history after a
 * restart, and forgets a room that is gone. Writing messages is the XML layer's business (it
 * archives them as occupants see them).
 */
public interface RoomArchive {
    /** The id of a group message accepted at {@code now}: 16 hex digits, increasing. */
    String nextId(Instant now);

    /** The newest {@code max} archived group messages of {@code room}, oldest first. */
    List<HistoryEntry> recent(EntityBareJid room, int max);

    /** Removes the archive of a room that no longer exists. */
    void delete(EntityBareJid room);

    /** Ids only, nothing kept (a service without archive storage, and engine tests). */
    static RoomArchive idsOnly(ArchiveIds ids) {
        return new RoomArchive() {
            @Override
            public String nextId(Instant now) {
                return ArchiveIds.format(ids.next(now));
            }

            @Override
            public List<HistoryEntry> recent(EntityBareJid room, int max) {
                return List.of();
            }

            @Override
            public void delete(EntityBareJid room) {
            }
        };
    }
}
