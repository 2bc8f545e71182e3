package org.xmppd.server.stream.sm;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.xmppd.codec.Element;

/**
 * The stanzas sent to a client since it enabled stream management and not yet acknowledged, with
 * the count of stanzas sent (XEP-0198 §4). Counts are kept as unbounded longs and compared with
 * the client's {@code h} modulo 2^32, as the XEP's sequence numbers wrap (§4). Not thread-safe: the
 * owning session serializes access.
 */
public final class UnackedQueue {
    /** 2^32: {@code h} wraps to zero past {@code 2^32 - 1} (XEP-0198 §4). */
    static final long MODULUS = 1L << 32;

    /**
     * A sent stanza waiting for its acknowledgement.
     *
     * @param journalId its durable copy ({@link DeliveryJournal}), or {@link #NOT_JOURNALED}
     * @param queued    when the server handed it to the session (for a delay stamp if it must go elsewhere)
     */
    public record Entry(Element stanza, long journalId, Instant queued) {
        public static final long NOT_JOURNALED = -1;

        public boolean journaled() {
            return journalId != NOT_JOURNALED;
        }
    }

    /** The client acknowledged more stanzas than were sent (XEP-0198 §4, {@code handled-count-too-high}). */
    public static final class HandledCountTooHighException extends Exception {
        private static final long serialVersionUID = 1L;

        HandledCountTooHighException(long h, long sent) {
            super("Acknowledged " + h + " stanzas but only " + sent + " were sent");
        }
    }

    private final ArrayDeque<Entry> unacked = new ArrayDeque<>();
    private long sent;
    private long acked;

    /** Records a stanza written (or to be written on resumption) to the client. */
    public void add(Entry entry) {
        unacked.addLast(entry);
        sent++;
    }

    /**
     * Takes the client's {@code h} (handled count mod 2^32): drops and returns the entries it
     * newly covers, oldest first. An {@code h} lower than a previous one is treated as
     * wrapping, so it can only look too high.
     */
    public List<Entry> acknowledge(long h) throws HandledCountTooHighException {
        if (h < 0 || h >= MODULUS) {
            throw new HandledCountTooHighException(h, sent % MODULUS);
        }
        long newly = Math.floorMod(h - acked, MODULUS);
        if (newly > unacked.size()) {
            throw new HandledCountTooHighException(h, sent % MODULUS);
        }
        List<Entry> done = new ArrayList<>((int) newly);
        for (long i = 0; i < newly; i++) {
            done.add(unacked.removeFirst());
        }
        acked += newly;
        return done;
    }

    /** Removes and returns everything unacknowledged, oldest first (the session ended). */
    public List<Entry> drain() {
        List<Entry> all = new ArrayList<>(unacked);
        acked += unacked.size();
        unacked.clear();
        return all;
    }

    /** The unacknowledged stanzas, oldest first, left in place (to send again on resumption). */
    public List<Entry> pending() {
        return List.copyOf(unacked);
    }

    public int size() {
        return unacked.size();
    }

    /** Stanzas sent so far, mod 2^32: the server's {@code h} as the client should see it. */
    public long sentCount() {
        return sent % MODULUS;
    }

    /** Stanzas acknowledged so far, mod 2^32. */
    public long ackedCount() {
        return acked % MODULUS;
    }

    /** Starts the counts at an arbitrary value, for tests of the wrap-around. */
    void startAt(long count) {
        sent = count;
        acked = count;
    }
}
