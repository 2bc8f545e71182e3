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
 */
final class PrecisStringprep implements XmppStringprep {
    static final PrecisStringprep INSTANCE = new PrecisStringprep();

    private static final XmppStringprep PRECIS = RocksXmppPrecisStringprep.INSTANCE;

    private PrecisStringprep() {
    }

    @Override
    public String localprep(String string) throws XmppStringprepException {
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
        try {
            return PRECIS.domainprep(string);
        } catch (IllegalArgumentException e) {
            throw new XmppStringprepException(string, e);
        }
    }

    @Override
    public String resourceprep(String string) throws XmppStringprepException {
        try {
            return PRECIS.resourceprep(string);
        } catch (IllegalArgumentException e) {
            throw new XmppStringprepException(string, e);
        }
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
