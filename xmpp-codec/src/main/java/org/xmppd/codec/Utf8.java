package org.xmppd.codec;

/**
 * Finds UTF-8 sequence boundaries, so the parser never hands Aalto a character split across two
 * feeds.
 *
 * <p>COMPAT: aalto-xml 1.3.3 (and its main branch as of 1.3.4) corrupts a 4-byte character (an
 * emoji) whose bytes arrive in two feeds inside an attribute value: {@code
 * AsyncByteArrayScanner.handleAttrValuePending} tests {@code (ch >> 16) != 0} on a code point from
 * which {@code decodeUtf8_4} already subtracted 0x10000, and writes one wrong char instead of a
 * surrogate pair. Feeding whole sequences avoids that path (and every other split-character path).
 */
final class Utf8 {
    private Utf8() {
    }

    /**
     * The end of {@code data[from, to)} without a trailing incomplete sequence: {@code to}, or the
     * index of the lead byte of a sequence that needs bytes beyond {@code to}. Invalid bytes count
     * as complete; the XML reader rejects them.
     */
    static int completeEnd(byte[] data, int from, int to) {
        for (int i = to - 1; i >= Math.max(from, to - 3); i--) {
            int b = data[i] & 0xFF;
            if (b < 0x80) {
                return to;
            }
            if (b >= 0xC0) {
                return to - i >= sequenceLength(data[i]) ? to : i;
            }
        }
        return to;
    }

    /** The byte count of the sequence that {@code lead} starts: 1 to 4. */
    static int sequenceLength(byte lead) {
        int b = lead & 0xFF;
        if (b >= 0xF0) {
            return 4;
        }
        if (b >= 0xE0) {
            return 3;
        }
        return b >= 0xC0 ? 2 : 1;
    }
}
