package org.xmppd.storage.ssdb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.jxmpp.jid.EntityBareJid;
import org.xmppd.storage.ArchiveIds;
import org.xmppd.storage.ArchivePage;
import org.xmppd.storage.ArchiveQuery;
import org.xmppd.storage.ArchivedMessage;
import org.xmppd.storage.ssdb.HashEntries.Entry;

/**
 * Archive pages as ordered ranges of ids. A page of {@code max} reads {@code max + 1} entries in
 * the paging direction (the extra one says whether the page is complete) from the archive hash,
 * or from the peer's {@code with} index followed by one {@code multi_hget} of the archive hash.
 * Nothing counts or skips: the cost of a page does not grow with the archive.
 */
final class ArchivePager {
    /** Most index entries read per round trip while a resource filter or stale entries thin them out. */
    private static final int MAX_INDEX_CHUNK = 500;
    private static final int MIN_INDEX_CHUNK = 50;

    private final HashEntries hashes;
    private final ArchiveNames names;

    ArchivePager(HashEntries hashes, ArchiveNames names) {
        this.hashes = hashes;
        this.names = names;
    }

    ArchivePage query(EntityBareJid archive, ArchiveQuery query) {
        long lower = query.lowerExclusive();
        long upper = query.upperExclusive();
        if (lower >= upper - 1 || (query.ids() != null && query.ids().isEmpty())) {
            return new ArchivePage(List.of(), true);
        }
        Range range = new Range(lower, upper, query.fromEnd());
        int wanted = query.max() + 1;
        List<ArchivedMessage> found;
        if (query.ids() != null) {
            found = byIds(archive, query, range, wanted);
        } else if (query.with() != null) {
            found = byWith(archive, query, range, wanted);
        } else {
            found = decode(archive, hashes.scan("querying the archive of " + archive, names.archive(
                    names.archiveId(archive)), range.backwards(), range.start(), range.end(), wanted));
        }
        boolean complete = found.size() <= query.max();
        List<ArchivedMessage> page = new ArrayList<>(found.subList(0, Math.min(found.size(), query.max())));
        if (query.fromEnd()) {
            Collections.reverse(page);
        }
        return new ArchivePage(page, complete);
    }

    /**
     * Walks the peer's index in the paging direction, fetching the indexed messages. Index
     * entries whose message is gone (a crash between the two deletes) or changed peer (an id
     * stored again) are skipped, so readers never depend on the two hashes agreeing.
     */
    private List<ArchivedMessage> byWith(EntityBareJid archive, ArchiveQuery query, Range range, int wanted) {
        String archiveId = names.archiveId(archive);
        String index = names.with(archiveId, query.with());
        String action = "querying the archive of " + archive + " with " + query.with();
        List<ArchivedMessage> found = new ArrayList<>();
        String cursor = range.start();
        while (found.size() < wanted) {
            int chunk = Math.min(MAX_INDEX_CHUNK, Math.max(wanted - found.size(),
                    query.withResource() == null ? 0 : MIN_INDEX_CHUNK));
            List<Entry> entries = hashes.scan(action, index, range.backwards(), cursor, range.end(), chunk);
            List<String> ids = new ArrayList<>();
            for (Entry entry : entries) {
                if (query.withResource() == null || query.withResource().equals(SsdbClient.string(entry.value()))) {
                    ids.add(entry.field());
                }
            }
            for (ArchivedMessage message : decode(archive, hashes.get(action, names.archive(archiveId), ids))) {
                if (found.size() < wanted && matches(message, query)) {
                    found.add(message);
                }
            }
            if (entries.size() < chunk) {
                break;
            }
            cursor = entries.get(entries.size() - 1).field();
        }
        return found;
    }

    private List<ArchivedMessage> byIds(EntityBareJid archive, ArchiveQuery query, Range range, int wanted) {
        Comparator<Long> order = range.backwards() ? Comparator.reverseOrder() : Comparator.naturalOrder();
        List<String> ids = query.ids().stream().filter(range::contains).distinct().sorted(order)
                .map(ArchiveIds::format).toList();
        List<ArchivedMessage> found = new ArrayList<>();
        String action = "reading messages by id from the archive of " + archive;
        String hash = names.archive(names.archiveId(archive));
        for (int from = 0; from < ids.size() && found.size() < wanted; from += MAX_INDEX_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + MAX_INDEX_CHUNK));
            for (ArchivedMessage message : decode(archive, hashes.get(action, hash, chunk))) {
                if (found.size() < wanted && matches(message, query)) {
                    found.add(message);
                }
            }
        }
        return found;
    }

    private static boolean matches(ArchivedMessage message, ArchiveQuery query) {
        return (query.with() == null || query.with().equals(message.with()))
                && (query.withResource() == null || query.withResource().equals(message.withResource()));
    }

    static List<ArchivedMessage> decode(EntityBareJid archive, List<Entry> entries) {
        List<ArchivedMessage> messages = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            long id = ArchiveIds.parse(entry.field());
            if (id > 0) {
                messages.add(ArchiveRecords.decode(archive, id, entry.value()));
            }
        }
        return messages;
    }

    /**
     * The open id interval (lower, upper) as SSDB scan bounds in the paging direction: an
     * exclusive start and an inclusive end, "" where unbounded.
     */
    private record Range(long lower, long upper, boolean backwards) {
        String start() {
            if (backwards) {
                return upper == Long.MAX_VALUE ? "" : ArchiveIds.format(upper);
            }
            return lower == 0 ? "" : ArchiveIds.format(lower);
        }

        String end() {
            if (backwards) {
                return lower == 0 ? "" : ArchiveIds.format(lower + 1);
            }
            return upper == Long.MAX_VALUE ? "" : ArchiveIds.format(upper - 1);
        }

        boolean contains(Long id) {
            return Objects.nonNull(id) && id > lower && id < upper;
        }
    }
}
