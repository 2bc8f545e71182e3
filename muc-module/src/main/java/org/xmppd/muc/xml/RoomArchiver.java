package org.xmppd.muc.xml;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jxmpp.jid.EntityBareJid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppd.codec.Element;
import org.xmppd.muc.room.HistoryEntry;
import org.xmppd.muc.room.Room;
import org.xmppd.muc.room.RoomArchive;
import org.xmppd.muc.room.RoomOptions;
import org.xmppd.server.module.Xml;
import org.xmppd.server.modules.mam.Archivable;
import org.xmppd.server.modules.mam.ArchiveReader;
import org.xmppd.server.modules.mam.ArchiveWriter;
import org.xmppd.server.modules.mam.MamConfig;
import org.xmppd.server.modules.mam.StanzaIds;
import org.xmppd.storage.ArchiveIds;
import org.xmppd.storage.ArchiveQuery;
import org.xmppd.storage.ArchiveStore;
import org.xmppd.storage.ArchivedMessage;
import org.xmppd.storage.StorageException;

/**
 * The rooms' XEP-0313 archives in the {@link ArchiveStore}: each room's archive is owned by its
 * bare JID, every message is {@code with} the room and its {@code withResource} is the sender's
 * nickname (so {@code with=room/nick} filters by sender). A message is kept as occupants got it,
 * with the room's stanza id and occupant id and never a real JID, so the archive reveals no more
 * than the room did. Writes go through the muc module's batched {@link ArchiveWriter}.
 */
public final class RoomArchiver implements RoomArchive {
    private static final Logger LOG = LoggerFactory.getLogger(RoomArchiver.class);
    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(5);

    private final ArchiveStore store;
    private final ArchiveWriter writer;
    private final ArchiveIds ids;
    private final ArchiveReader reader;

    /** Pages of room archives are as large as the mam module's default ones. */
    public RoomArchiver(ArchiveStore store, ArchiveWriter writer, ArchiveIds ids) {
        this.store = store;
        this.writer = writer;
        this.ids = ids;
        MamConfig pages = MamConfig.defaults();
        this.reader = new ArchiveReader(store, writer, pages.defaultPageSize(), pages.maxPageSize());
    }

    @Override
    public String nextId(Instant now) {
        return ArchiveIds.format(ids.next(now));
    }

    /** Answers archive queries, for {@link ArchiveHandler}. */
    ArchiveReader reader() {
        return reader;
    }

    /**
     * Queues a group message, {@code rendered} as occupants got it (without delay), when the room
     * archives and the message holds something worth keeping (not chat states, not no-store).
     * Runs with the room locked: it only queues.
     */
    void archive(Room room, HistoryEntry entry, Element rendered) {
        long id = ArchiveIds.parse(entry.stanzaId());
        if (!room.config().get(RoomOptions.ARCHIVING) || id <= 0 || !Archivable.isWorthKeeping(entry.payload())) {
            return;
        }
        writer.add(new ArchivedMessage(room.jid(), id, room.jid().toString(), entry.nick(), false,
                StanzaIds.originId(entry.payload()), rendered.toXml()));
    }

    @Override
    public List<HistoryEntry> recent(EntityBareJid room, int max) {
        List<HistoryEntry> entries = new ArrayList<>();
        try {
            writer.flush(FLUSH_TIMEOUT);
            ArchiveQuery newest = new ArchiveQuery(null, null, null, null, null, null, null, max, true);
            for (ArchivedMessage message : store.query(room, newest).messages()) {
                if (message.withResource() != null) {
                    entries.add(entry(message));
                }
            }
        } catch (StorageException e) {
            LOG.error("the history of {} could not be read from its archive", room, e);
        }
        return entries;
    }

    /** An archived message as a history entry; its payload renders back to the same message. */
    private static HistoryEntry entry(ArchivedMessage message) {
        Element stanza = Xml.parseElement(message.stanzaXml());
        String occupantId = stanza.child("occupant-id", MucXml.OCCUPANT_ID).map(e -> e.attributeOrNull("id"))
                .orElse(null);
        return new HistoryEntry(message.withResource(), occupantId, null, stanza, ArchiveIds.format(message.id()),
                message.stamp(), message.stanzaXml().length());
    }

    /** Waits for queued messages (they would come back after the delete) and removes the archive. */
    @Override
    public void delete(EntityBareJid room) {
        try {
            writer.flush(FLUSH_TIMEOUT);
            store.deleteArchive(room);
        } catch (StorageException e) {
            LOG.error("the archive of the removed room {} is left for retention to clear", room, e);
        }
    }
}
