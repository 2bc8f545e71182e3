package org.xmppd.server.sasl;

import java.text.Normalizer;

/**
 * Password preparation by the PRECIS OpaqueString profile (RFC 8265 §4.2), which replaces SASLprep
 * (RFC 4013) for SCRAM's {@code Normalize()} (RFC 5802 §2.2, RFC 7677 §4).
 *
 * <p>Implemented rules: non-ASCII spaces map to U+0020 (§4.2.1 additional mapping), the result is NFC
 * (§4.2.1 normalization), and characters the FreeformClass disallows are rejected: controls,
 * unassigned code points, lone surrogates, private use and default-ignorable format characters (except
 * the ZWJ/ZWNJ join controls, which emoji and Indic scripts need). An empty password is rejected
 * (§4.2.2). Error messages name the code point, never the password.
 */
public final class OpaqueString {

    private static final int ZWNJ = 0x200C;
    private static final int ZWJ = 0x200D;

    private OpaqueString() {
    }

    /**
     * The prepared form of {@code password}.
     *
     * @throws IllegalArgumentException when the password is empty or contains a disallowed character
     */
    public static String prepare(String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("password must not be empty (RFC 8265 §4.2)");
        }
        StringBuilder mapped = new StringBuilder(password.length());
        password.codePoints().forEach(cp -> mapped.appendCodePoint(mapAndCheck(cp)));
        return Normalizer.normalize(mapped, Normalizer.Form.NFC);
    }

    /** The prepared form, or null when the password is invalid (and so can never match a stored one). */
    static String prepareOrNull(String password) {
        try {
            return prepare(password);
        } catch (IllegalArgumentException invalid) {
            return null;
        }
    }

    private static int mapAndCheck(int cp) {
        int type = Character.getType(cp);
        if (type == Character.SPACE_SEPARATOR) {
            return ' ';
        }
        boolean disallowed = switch (type) {
            case Character.CONTROL, Character.UNASSIGNED, Character.SURROGATE, Character.PRIVATE_USE -> true;
            case Character.FORMAT -> cp != ZWNJ && cp != ZWJ;
            default -> false;
        };
        if (disallowed) {
            throw new IllegalArgumentException(String.format(
                    "password contains the disallowed character U+%04X (RFC 8265 §4.2)", cp));
        }
        return cp;
    }
}
