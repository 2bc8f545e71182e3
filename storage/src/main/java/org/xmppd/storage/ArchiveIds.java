package org.xmppd.storage;

import java.time.Instant;

/**
 * Archive ids: 64-bit, time-ordered, {@code epochMillis << 22 | sequence}, so id order is
 * archiving order and a time bound is an id bound. Written as 16 lowercase hex digits, whose
 * string order is the same. Instances hand out strictly increasing ids, even when the clock
 * steps back or more than 2^22 ids are asked for in one millisecond.
 */
public final class ArchiveIds {
    static final int SEQUENCE_BITS = 22;
    private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;
    private static final int HEX_DIGITS = 16;

    private long last;

    /** The next id for a message archived at {@code now}. */
    public synchronized long next(Instant now) {
        long candidate = now.toEpochMilli() << SEQUENCE_BITS;
        last = Math.max(last + 1, candidate);
        return last;
    }

    /** The time an id was handed out, to the millisecond. */
    public static Instant instantOf(long id) {
        return Instant.ofEpochMilli(id >>> SEQUENCE_BITS);
    }

    /** The smallest id of the millisecond of {@code time}. */
    public static long firstOf(Instant time) {
        return Math.max(1, time.toEpochMilli()) << SEQUENCE_BITS;
    }

    /** The largest id of the millisecond of {@code time}. */
    public static long lastOf(Instant time) {
        return (Math.max(0, time.toEpochMilli()) << SEQUENCE_BITS) | SEQUENCE_MASK;
    }

    /** The 16-digit hex form used as stanza id and RSM id. */
    public static String format(long id) {
        String hex = Long.toHexString(id);
        return "0".repeat(HEX_DIGITS - hex.length()) + hex;
    }

    /**
     * Parses {@link #format}'s form.
     *
     * @return the id, or -1 when {@code text} is not 16 lowercase hex digits of a positive id
     */
    public static long parse(String text) {
        if (text == null || text.length() != HEX_DIGITS) {
            return -1;
        }
        for (int i = 0; i < HEX_DIGITS; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                return -1;
            }
        }
        long id = Long.parseUnsignedLong(text, 16);
        return id > 0 ? id : -1;
    }
}
