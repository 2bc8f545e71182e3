package org.xmppd.storage.ssdb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.nutz.ssdb4j.spi.Cmd;
import org.xmppd.storage.ArchiveIds;
import org.xmppd.storage.ArchivePage;
import org.xmppd.storage.ArchiveQuery;
import org.xmppd.storage.ArchiveStore;
import org.xmppd.storage.ArchivedMessage;
import org.xmppd.storage.ssdb.HashEntries.Entry;

/**
 * {@link ArchiveStore} on SSDB: one ordered hash per archive (field = the id in hex, whose string
 * order is time order), a hash per (archive, peer) for the {@code with} filter and one per archive
 * for origin ids. Layout and failure behaviour: see {@code package-info}.
 */
final class SsdbArchiveStore implements ArchiveStore {
    /** Fields per {@code multi_hset}, keeping each request (and the writer thread's turn) short. */
    private static final int WRITE_CHUNK = 200;
    private static final int ORIGIN_CANDIDATES = 8;
    private static final byte[] EMPTY = new byte[0];

    private final SsdbClient ssdb;
    private final HashEntries hashes;
    private final ArchiveNames names;
    private final ArchivePager pager;
    private final ArchiveEraser eraser;

    SsdbArchiveStore(SsdbClient ssdb, ArchiveNames names) {
        this.ssdb = ssdb;
        this.hashes = new HashEntries(ssdb);
        this.names = names;
        this.pager = new ArchivePager(hashes, names);
        this.eraser = new ArchiveEraser(ssdb, hashes, names);
    }

    /** Per archive: the messages first, then the indexes (readers skip index entries without a message). */
    @Override
    public void append(List<ArchivedMessage> messages) {
        Map<EntityBareJid, List<ArchivedMessage>> byArchive = new LinkedHashMap<>();
        for (ArchivedMessage message : messages) {
            byArchive.computeIfAbsent(message.archive(), archive -> new ArrayList<>()).add(message);
        }
        byArchive.forEach(this::appendTo);
    }

    private void appendTo(EntityBareJid archive, List<ArchivedMessage> messages) {
        String archiveId = names.archiveId(archive);
        String action = "archiving " + messages.size() + " messages of " + archive;
        if (ArchiveNames.isShortened(archiveId)) {
            ssdb.call(action, Cmd.hset, SsdbClient.bytes(names.shortenedJids()), SsdbClient.bytes(archiveId),
                    SsdbClient.bytes(archive.toString()));
        }
        for (int from = 0; from < messages.size(); from += WRITE_CHUNK) {
            List<ArchivedMessage> chunk = messages.subList(from, Math.min(messages.size(), from + WRITE_CHUNK));
            hashes.set(action, names.archive(archiveId), chunk.stream().map(m -> ArchiveIds.format(m.id())).toList(),
                    chunk.stream().map(ArchiveRecords::encode).toList());
            writeIndexes(action, archiveId, chunk);
        }
    }

    private void writeIndexes(String action, String archiveId, List<ArchivedMessage> chunk) {
        Map<String, List<ArchivedMessage>> byWith = new LinkedHashMap<>();
        List<String> origins = new ArrayList<>();
        for (ArchivedMessage m : chunk) {
            byWith.computeIfAbsent(m.with(), with -> new ArrayList<>()).add(m);
            if (m.originId() != null) {
                origins.add(ArchiveNames.originField(m.with(), m.originId(), ArchiveIds.format(m.id())));
            }
        }
        byWith.forEach((with, withMessages) -> hashes.set(action, names.with(archiveId, with),
                withMessages.stream().map(m -> ArchiveIds.format(m.id())).toList(),
                withMessages.stream().map(m -> m.withResource() == null ? EMPTY : SsdbClient.bytes(m.withResource()))
                        .toList()));
        if (!origins.isEmpty()) {
            hashes.set(action, names.origins(archiveId), origins, origins.stream().map(o -> EMPTY).toList());
        }
    }

    @Override
    public ArchivePage query(EntityBareJid archive, ArchiveQuery query) {
        return pager.query(archive, query);
    }

    @Override
    public Optional<ArchivedMessage> find(EntityBareJid archive, long id) {
        return read(archive, id).map(value -> ArchiveRecords.decode(archive, id, value));
    }

    /**
     * Walks the pair's origin index from the newest id down, returning the first entry whose
     * message still exists with this peer and origin id (index entries may be stale).
     */
    @Override
    public Optional<ArchivedMessage> findByOriginId(EntityBareJid archive, String with, String originId) {
        if (originId == null || originId.isEmpty() || originId.length() > ArchivedMessage.MAX_ORIGIN_ID_CHARS) {
            return Optional.empty();
        }
        String archiveId = names.archiveId(archive);
        String digest = ArchiveNames.originDigest(with, originId);
        String cursor = digest + "g"; // after every digest + hex id
        while (true) {
            List<Entry> candidates = hashes.scan("looking up an origin id in the archive of " + archive,
                    names.origins(archiveId), true, cursor, digest, ORIGIN_CANDIDATES);
            for (Entry candidate : candidates) {
                long id = ArchiveIds.parse(candidate.field().substring(digest.length()));
                Optional<ArchivedMessage> message = id > 0 ? find(archive, id) : Optional.empty();
                if (message.isPresent() && with.equals(message.get().with())
                        && originId.equals(message.get().originId())) {
                    return message;
                }
            }
            if (candidates.size() < ORIGIN_CANDIDATES) {
                return Optional.empty();
            }
            cursor = candidates.get(candidates.size() - 1).field();
        }
    }

    /**
     * Read, then write the whole record back with the new stanza. If the message was deleted in
     * between, {@code hset} reports a new field: that write is undone and the answer is false.
     */
    @Override
    public boolean replace(EntityBareJid archive, long id, String stanzaXml) {
        Optional<ArchivedMessage> old = find(archive, id);
        if (old.isEmpty()) {
            return false;
        }
        ArchivedMessage m = old.get();
        ArchivedMessage replaced = new ArchivedMessage(archive, id, m.with(), m.withResource(), m.outgoing(),
                m.originId(), stanzaXml);
        byte[] hash = SsdbClient.bytes(names.archive(names.archiveId(archive)));
        byte[] field = SsdbClient.bytes(ArchiveIds.format(id));
        String action = "replacing an archived message of " + archive;
        if (ssdb.callForLong(action, Cmd.hset, hash, field, ArchiveRecords.encode(replaced)) == 1) {
            ssdb.call(action, Cmd.hdel, hash, field);
            return false;
        }
        return true;
    }

    @Override
    public boolean delete(EntityBareJid archive, long id) {
        String field = ArchiveIds.format(id);
        return read(archive, id)
                .map(value -> eraser.remove(names.archiveId(archive), List.of(new Entry(field, value))) > 0)
                .orElse(false);
    }

    @Override
    public void deleteArchive(EntityBareJid archive) {
        eraser.removeArchive(names.archiveId(archive));
    }

    @Override
    public int removeOlderThan(Instant cutoff, int limit) {
        return limit <= 0 ? 0 : eraser.removeOlderThan(cutoff, limit);
    }

    /** {@code hsize} is a counter kept by SSDB, so finding the excess costs nothing. */
    @Override
    public int trim(EntityBareJid archive, int keep) {
        String archiveId = names.archiveId(archive);
        long size = ssdb.callForLong("sizing the archive of " + archive, Cmd.hsize,
                SsdbClient.bytes(names.archive(archiveId)));
        long excess = size - Math.max(0, keep);
        return excess <= 0 ? 0 : eraser.removeOldest(archiveId, "", (int) Math.min(Integer.MAX_VALUE, excess));
    }

    /** Archive hashes in name order, which is JID order but for JIDs long enough to be shortened. */
    @Override
    public List<EntityBareJid> archives(EntityBareJid after, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        String from = after == null ? names.archivePrefix() : names.archive(names.archiveId(after));
        List<String> archiveIds = eraser.listArchives(from, names.archiveRangeEnd(), limit).stream()
                .map(names::archiveIdOf).toList();
        List<String> shortened = archiveIds.stream().filter(ArchiveNames::isShortened).toList();
        Map<String, String> fullJids = new LinkedHashMap<>();
        for (Entry entry : hashes.get("listing archives", names.shortenedJids(), shortened)) {
            fullJids.put(entry.field(), SsdbClient.string(entry.value()));
        }
        List<EntityBareJid> owners = new ArrayList<>();
        for (String archiveId : archiveIds) {
            String jid = ArchiveNames.isShortened(archiveId) ? fullJids.get(archiveId) : archiveId;
            if (jid != null) {
                owners.add(JidCreate.entityBareFromOrThrowUnchecked(jid));
            }
        }
        return owners;
    }

    @Override
    public Optional<ArchiveBounds> bounds(EntityBareJid archive) {
        String hash = names.archive(names.archiveId(archive));
        String action = "reading the bounds of the archive of " + archive;
        List<Entry> first = hashes.scan(action, hash, false, "", "", 1);
        List<Entry> last = hashes.scan(action, hash, true, "", "", 1);
        if (first.isEmpty() || last.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ArchiveBounds(ArchiveIds.parse(first.get(0).field()),
                ArchiveIds.parse(last.get(0).field())));
    }

    private Optional<byte[]> read(EntityBareJid archive, long id) {
        List<byte[]> reply = ssdb.call("reading the archive of " + archive, Cmd.hget,
                SsdbClient.bytes(names.archive(names.archiveId(archive))), SsdbClient.bytes(ArchiveIds.format(id)));
        return reply.isEmpty() ? Optional.empty() : Optional.of(reply.get(0));
    }
}
