package org.xmppd.codec;

import org.jxmpp.JxmppContext;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * Parses JIDs at the edge: a bad address is a {@code jid-malformed} error (RFC 6120 §8.3.3.8).
 *
 * <p>Addresses are prepared with the PRECIS profiles of RFC 7622 ({@link #context()}), so
 * {@code ＪＵＬＩＥＴ@Example.com} and {@code juliet@example.com} are one account and a localpart
 * with symbols or emoji is refused. The context is an immutable value passed to jxmpp on every
 * call; it has jxmpp's caches off, because jxmpp keys those by input string alone, whatever the
 * profile that filled them.
 *
 * <p>Code that calls {@code JidCreate} without a context gets jxmpp's process-wide default, a
 * lower-casing stringprep. The composition root should call {@link #usePrecis()} once at start-up
 * so that those calls prepare addresses the same way.
 */
public final class Jids {
    private static final JxmppContext PRECIS = JxmppContext.builder()
            .withXmppStringprep(PrecisStringprep.INSTANCE)
            .build();

    private Jids() {
    }

    /** The JID in {@code text}, or null when {@code text} is null. */
    public static Jid parseOrNull(String text) throws StanzaErrorException {
        if (text == null) {
            return null;
        }
        try {
            return JidCreate.from(text, PRECIS);
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new StanzaErrorException(StanzaErrorCondition.JID_MALFORMED, "Malformed JID: " + text);
        }
    }

    /**
     * The RFC 7622 context, for the typed factories: {@code JidCreate.entityBareFrom(text,
     * Jids.context())}.
     */
    public static JxmppContext context() {
        return PRECIS;
    }

    /**
     * Makes PRECIS jxmpp's process-wide default stringprep. jxmpp keeps that default in a static
     * field of its own; this writes it, so call it once, from the composition root, before any JID
     * is created (earlier results may sit in jxmpp's caches).
     */
    public static void usePrecis() {
        JxmppContext.setDefaultXmppStringprep(PrecisStringprep.INSTANCE);
    }
}
