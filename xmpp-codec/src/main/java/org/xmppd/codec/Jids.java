package org.xmppd.codec;

import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/** Parses JIDs at the edge: a bad address is a {@code jid-malformed} error (RFC 6120 §8.3.3.8). */
public final class Jids {
    private Jids() {
    }

    /** The JID in {@code text}, or null when {@code text} is null. */
    public static Jid parseOrNull(String text) throws StanzaErrorException {
        if (text == null) {
            return null;
        }
        try {
            return JidCreate.from(text);
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new StanzaErrorException(StanzaErrorCondition.JID_MALFORMED, "Malformed JID: " + text);
        }
    }
}
