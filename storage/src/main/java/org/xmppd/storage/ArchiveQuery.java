package org.xmppd.storage;

import java.time.Instant;
import java.util.List;

/**
 * What an archive query asks for (XEP-0313 §4 with XEP-0059 paging). All bounds are optional and
 * combine: {@code start}/{@code end} are inclusive times, {@code afterId}/{@code beforeId} are
 * exclusive ids. With {@code ids} set, only those messages are returned and the other filters
 * still apply.
 *
 * @param with         bare JID of the other party, or null for all
 * @param withResource with {@code with}: only messages with this resource, or null for all
 * @param start        oldest archiving time, or null
 * @param end          newest archiving time, or null
 * @param afterId      only ids greater than this, or null
 * @param beforeId     only ids smaller than this, or null
 * @param ids          only these ids, or null
 * @param max          page size, at least 0
 * @param fromEnd      true: the page nearest the newest end (RSM {@code <before/>}); false: nearest the oldest
 */
public record ArchiveQuery(String with, String withResource, Instant start, Instant end, Long afterId,
        Long beforeId, List<Long> ids, int max, boolean fromEnd) {
    public ArchiveQuery {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative: " + max);
        }
        if (withResource != null && with == null) {
            throw new IllegalArgumentException("withResource needs with");
        }
        ids = ids == null ? null : List.copyOf(ids);
    }

    /** The first {@code max} messages of the whole archive. */
    public static ArchiveQuery firstPage(int max) {
        return new ArchiveQuery(null, null, null, null, null, null, null, max, false);
    }

    /** The exclusive lower id bound implied by {@code afterId} and {@code start}; 0 when none. */
    public long lowerExclusive() {
        long bound = start == null ? 0 : ArchiveIds.firstOf(start) - 1;
        return afterId == null ? bound : Math.max(bound, afterId);
    }

    /** The exclusive upper id bound implied by {@code beforeId} and {@code end}; Long.MAX_VALUE when none. */
    public long upperExclusive() {
        long bound = end == null ? Long.MAX_VALUE : ArchiveIds.lastOf(end) + 1;
        return beforeId == null ? bound : Math.min(bound, beforeId);
    }
}
