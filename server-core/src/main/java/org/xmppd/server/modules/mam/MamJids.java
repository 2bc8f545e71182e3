package org.xmppd.server.modules.mam;

import org.jxmpp.jid.Jid;
import org.xmppd.codec.Jids;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;

/** JIDs as a client sends them in MAM forms and preferences. */
final class MamJids {
    private MamJids() {
    }

    /** The normalized JID, or jid-malformed (RFC 6120 §8.3.3.8). */
    static Jid parse(String text) throws StanzaErrorException {
        Jid jid = text == null ? null : Jids.parseOrNull(text.strip());
        if (jid == null) {
            throw new StanzaErrorException(StanzaErrorCondition.JID_MALFORMED, "Not a JID: " + text);
        }
        return jid;
    }

    /** The normalized bare JID as a string. */
    static String bare(String text) throws StanzaErrorException {
        return parse(text).asBareJid().toString();
    }
}
