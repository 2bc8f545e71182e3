package org.xmppd.muc.room;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * How much discussion history a joining user asks for (XEP-0045 §7.2.15): any of
 * {@code maxchars}, {@code maxstanzas}, {@code seconds}, {@code since}; absent ones are null.
 * The room's own limit ({@code muc#maxhistoryfetch}) applies on top.
 */
public record HistoryRequest(Integer maxChars, Integer maxStanzas, Integer seconds, Instant since) {
    /** No limit asked: the room's default amount. */
    public static HistoryRequest unlimited() {
        return new HistoryRequest(null, null, null, null);
    }

    /** The newest entries of {@code history} (oldest first) that satisfy every limit. */
    public List<HistoryEntry> select(Iterable<HistoryEntry> history, int roomLimit, Instant now) {
        Deque<HistoryEntry> newestFirst = new ArrayDeque<>();
        history.forEach(newestFirst::addFirst);
        int stanzaLimit = maxStanzas == null ? roomLimit : Math.min(roomLimit, maxStanzas);
        Instant after = since;
        if (seconds != null) {
            Instant cut = now.minusSeconds(seconds);
            after = after == null || cut.isAfter(after) ? cut : after;
        }
        Deque<HistoryEntry> chosen = new ArrayDeque<>();
        long chars = 0;
        Iterator<HistoryEntry> entries = newestFirst.iterator();
        while (entries.hasNext() && chosen.size() < stanzaLimit) {
            HistoryEntry entry = entries.next();
            chars += entry.size();
            if ((after != null && !entry.time().isAfter(after)) || (maxChars != null && chars > maxChars)) {
                break;
            }
            chosen.addFirst(entry);
        }
        return List.copyOf(chosen);
    }
}
