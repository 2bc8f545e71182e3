package org.xmppd.codec;

import java.util.Locale;
import org.jxmpp.stringprep.XmppStringprep;
import org.jxmpp.stringprep.XmppStringprepException;
import org.jxmpp.stringprep.rocksxmppprecis.RocksXmppPrecisStringprep;

/**
 * RFC 7622 preparation of the three address parts, by the PRECIS profiles of rocks.xmpp through
 * jxmpp's adapter: localpart UsernameCaseMapped (§3.3), domainpart IDNA2008 (§3.2), resourcepart
 * OpaqueString (§3.4). Stateless.
 *
 * <p>Two gaps of the adapter are closed here: an IP-literal domainpart ({@code [::1]}, allowed by
 * RFC 7622 §3.2) is accepted, and every PRECIS rejection becomes an
 * {@link XmppStringprepException} (the adapter lets a bidi-rule failure escape unchecked).
 *
 * <p>Every routed stanza has its addresses prepared, and nearly all of them are plain lower-case
 * ASCII, which each profile leaves as it is (no width, case or normalization change, no bidi
 * rule to apply). Such parts skip the full PRECIS run; PrecisStringprepTest checks that the
 * shortcut and PRECIS agree.
 */
final class PrecisStringprep implements XmppStringprep {
    static final PrecisStringprep INSTANCE = new PrecisStringprep();

    private static final XmppStringprep PRECIS = RocksXmppPrecisStringprep.INSTANCE;

    private PrecisStringprep() {
    }

    /** RFC 7622 §3.1: each part is at most 1023 octets; the shortcut covers one octet per char. */
    private static final int MAX_PART = 1023;
    /** RFC 1035 §2.3.4: a DNS label is at most 63 octets. */
    private static final int MAX_LABEL = 63;

    @Override
    public String localprep(String string) throws XmppStringprepException {
        if (isPlainLocalpart(string)) {
            return string;
        }
        try {
            return PRECIS.localprep(string);
        } catch (IllegalArgumentException e) {
            throw new XmppStringprepException(string, e);
        }
    }

    @Override
    public String domainprep(String string) throws XmppStringprepException {
        if (isIpv6Literal(string)) {
            return string.toLowerCase(Locale.ROOT);
        }
        if (isPlainHostName(string)) {
            return string;
        }
        try {
            return PRECIS.domainprep(string);
        } catch (IllegalArgumentException e) {
            throw new XmppStringprepException(string, e);
        }
    }

    @Override
    public String resourceprep(String string) throws XmppStringprepException {
        if (isPlainResourcepart(string)) {
            return string;
        }
        try {
            return PRECIS.resourceprep(string);
        } catch (IllegalArgumentException e) {
            throw new XmppStringprepException(string, e);
        }
    }

    /** Lower-case ASCII letters, digits, '.', '_' and '-': unchanged by UsernameCaseMapped. */
    static boolean isPlainLocalpart(String part) {
        int length = part.length();
        if (length == 0 || length > MAX_PART) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = part.charAt(i);
            if (!isLowerAlnum(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /**
     * Dot-separated labels of lower-case letters, digits and inner hyphens, none of them an
     * A-label ({@code xn--}): what IDNA2008 leaves unchanged.
     */
    static boolean isPlainHostName(String domain) {
        int length = domain.length();
        if (length == 0 || length > 253) {
            return false;
        }
        int labelStart = 0;
        for (int i = 0; i <= length; i++) {
            char c = i < length ? domain.charAt(i) : '.';
            if (c == '.') {
                if (!isPlainLabel(domain, labelStart, i)) {
                    return false;
                }
                labelStart = i + 1;
            } else if (!isLowerAlnum(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isPlainLabel(String domain, int start, int end) {
        int length = end - start;
        return length > 0 && length <= MAX_LABEL && domain.charAt(start) != '-' && domain.charAt(end - 1) != '-'
                && !(length >= 4 && domain.charAt(start + 2) == '-' && domain.charAt(start + 3) == '-');
    }

    /** Printable ASCII without space: unchanged by OpaqueString. */
    static boolean isPlainResourcepart(String part) {
        int length = part.length();
        if (length == 0 || length > MAX_PART) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = part.charAt(i);
            if (c <= ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** {@code [IPv6address]} (RFC 3986 §3.2.2): hex digits, colons and an embedded IPv4 tail. */
    private static boolean isIpv6Literal(String domain) {
        if (domain.length() < 4 || domain.charAt(0) != '[' || domain.charAt(domain.length() - 1) != ']'
                || domain.indexOf(':') < 0) {
            return false;
        }
        for (int i = 1; i < domain.length() - 1; i++) {
            char c = domain.charAt(i);
            if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
                return false;
            }
        }
        return true;
    }
}
