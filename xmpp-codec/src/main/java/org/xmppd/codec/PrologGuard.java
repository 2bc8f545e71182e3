package org.xmppd.codec;

/**
 * Watches the bytes before the stream root for what the async reader reports only as a generic
 * error: a document type declaration with an internal subset, which Aalto's non-blocking parser
 * cannot read and fails on (RFC 6120 §11.1 forbids it: {@code restricted-xml}), and bytes that
 * cannot occur in UTF-8 XML but start UTF-16 or UTF-32 text (RFC 6120 §11.6:
 * {@code unsupported-encoding}).
 *
 * <p>This is a byte matcher for one literal, not a tokenizer; Aalto still does all the parsing.
 */
final class PrologGuard {
    private static final byte[] DOCTYPE = {'<', '!', 'D', 'O', 'C', 'T', 'Y', 'P', 'E'};

    private int matched;
    private boolean sawDoctype;

    /** Scans prolog bytes; throws when they are not UTF-8 (0x00, 0xFE and 0xFF never are). */
    void scan(byte[] data, int offset, int length) throws StreamErrorException {
        for (int i = offset; i < offset + length; i++) {
            byte b = data[i];
            if (b == 0 || b == (byte) 0xFE || b == (byte) 0xFF) {
                throw new StreamErrorException(StreamErrorCondition.UNSUPPORTED_ENCODING,
                        "Only UTF-8 is supported (RFC 6120 §11.6)");
            }
            if (!sawDoctype) {
                matched = b == DOCTYPE[matched] ? matched + 1 : (b == '<' ? 1 : 0);
                sawDoctype = matched == DOCTYPE.length;
            }
        }
    }

    boolean sawDoctype() {
        return sawDoctype;
    }
}
