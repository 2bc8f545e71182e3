package org.xmppd.storage.ssdb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nutz.ssdb4j.spi.Cmd;
import org.xmppd.storage.ArchiveIds;
import org.xmppd.storage.ssdb.ArchiveRecords.IndexKeys;
import org.xmppd.storage.ssdb.HashEntries.Entry;

/**
 * Removes archived messages in chunks: each chunk deletes the messages from the archive hash
 * first, then their entries from the {@code with} and origin indexes (readers skip index entries
 * without a message, so a crash in between loses nothing visible). SSDB runs every write on one
 * thread and has no server-side expiry for hashes, so big deletions are many short commands,
 * never one long {@code hclear}.
 */
final class ArchiveEraser {
    /** Messages read and deleted per round trip; about a few ms of SSDB's writer thread. */
    static final int CHUNK = 500;
    private static final int ARCHIVES_PER_LIST = 100;

    private final SsdbClient ssdb;
    private final HashEntries hashes;
    private final ArchiveNames names;
    /** Where the last retention step stopped (an archive hash name, exclusive), so steps take turns. */
    private String retentionCursor;

    ArchiveEraser(SsdbClient ssdb, HashEntries hashes, ArchiveNames names) {
        this.ssdb = ssdb;
        this.hashes = hashes;
        this.names = names;
        this.retentionCursor = names.archivePrefix();
    }

    /** Removes these entries of an archive hash and their index entries; how many were there. */
    int remove(String archiveId, List<Entry> entries) {
        String action = "deleting archived messages";
        List<String> ids = entries.stream().map(Entry::field).toList();
        int removed = (int) hashes.delete(action, names.archive(archiveId), ids);
        Map<String, List<String>> byWith = new LinkedHashMap<>();
        List<String> originFields = new ArrayList<>();
        for (Entry entry : entries) {
            IndexKeys keys = ArchiveRecords.indexKeysOrNull(entry.value());
            if (keys != null) {
                byWith.computeIfAbsent(keys.with(), with -> new ArrayList<>()).add(entry.field());
                if (keys.originId() != null) {
                    originFields.add(ArchiveNames.originField(keys.with(), keys.originId(), entry.field()));
                }
            }
        }
        byWith.forEach((with, withIds) -> hashes.delete(action, names.with(archiveId, with), withIds));
        hashes.delete(action, names.origins(archiveId), originFields);
        return removed;
    }

    /**
     * Removes the oldest messages of an archive, up to id {@code lastHex} ("" for any), at most
     * {@code budget}; how many were removed.
     */
    int removeOldest(String archiveId, String lastHex, int budget) {
        String hash = names.archive(archiveId);
        int removed = 0;
        while (removed < budget) {
            int chunk = Math.min(CHUNK, budget - removed);
            List<Entry> entries = hashes.scan("reading old archived messages", hash, false, "", lastHex, chunk);
            if (entries.isEmpty()) {
                break;
            }
            removed += remove(archiveId, entries);
            if (entries.size() < chunk) {
                break;
            }
        }
        return removed;
    }

    /** Empties a whole archive, then sweeps index hashes left by earlier crashes. */
    void removeArchive(String archiveId) {
        String hash = names.archive(archiveId);
        List<Entry> entries = hashes.scan("reading an archive to delete", hash, false, "", "", CHUNK);
        while (!entries.isEmpty()) {
            remove(archiveId, entries);
            entries = hashes.scan("reading an archive to delete", hash, false, "", "", CHUNK);
        }
        String action = "deleting an archive's indexes";
        List<byte[]> leftovers = ssdb.call(action, Cmd.hlist, SsdbClient.bytes(names.withRangeStart(archiveId)),
                SsdbClient.bytes(names.withRangeEnd(archiveId)), SsdbClient.bytes(Integer.toString(ARCHIVES_PER_LIST)));
        for (byte[] index : leftovers) {
            ssdb.call(action, Cmd.hclear, index);
        }
        ssdb.call(action, Cmd.hclear, SsdbClient.bytes(names.origins(archiveId)));
        if (ArchiveNames.isShortened(archiveId)) {
            ssdb.call(action, Cmd.hdel, SsdbClient.bytes(names.shortenedJids()), SsdbClient.bytes(archiveId));
        }
    }

    /**
     * One retention step: removes up to {@code limit} messages older than {@code cutoff}, visiting
     * archives in name order from where the previous step stopped and wrapping around once, so
     * fewer than {@code limit} means every archive was visited and none older is left.
     */
    synchronized int removeOlderThan(Instant cutoff, int limit) {
        String lastHex = ArchiveIds.format(ArchiveIds.firstOf(cutoff) - 1);
        String first = names.archivePrefix();
        String start = retentionCursor;
        boolean wrapped = start.equals(first);
        String from = start;
        String to = names.archiveRangeEnd();
        int removed = 0;
        while (true) {
            List<String> archives = listArchives(from, to, ARCHIVES_PER_LIST);
            for (String archive : archives) {
                removed += removeOldest(names.archiveIdOf(archive), lastHex, limit - removed);
                if (removed >= limit) {
                    retentionCursor = from; // this archive may hold more: start there next time
                    return removed;
                }
                from = archive;
            }
            if (archives.size() < ARCHIVES_PER_LIST) {
                if (wrapped) {
                    retentionCursor = first;
                    return removed;
                }
                wrapped = true;
                from = first;
                to = start;
            }
        }
    }

    /** Archive hash names after {@code from} (exclusive) up to {@code to} (inclusive). */
    List<String> listArchives(String from, String to, int limit) {
        List<byte[]> reply = ssdb.call("listing archives", Cmd.hlist, SsdbClient.bytes(from), SsdbClient.bytes(to),
                SsdbClient.bytes(Integer.toString(limit)));
        return reply.stream().map(SsdbClient::string).toList();
    }
}
