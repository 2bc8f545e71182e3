package org.xmppd.server.sasl;

import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Localpart;
import org.jxmpp.stringprep.XmppStringprepException;

/** Username and authorization-identity rules shared by the mechanisms. */
final class Identities {

    private Identities() {
    }

    /**
     * The normalized localpart for a SASL username (RFC 6120 §6.3.7: the simple username is the
     * localpart). An invalid one cannot belong to an account, so it is simply not authorized.
     */
    static String localpart(String username) throws AuthenticationFailure {
        try {
            return Localpart.from(username).toString();
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new AuthenticationFailure(SaslFailure.NOT_AUTHORIZED, "Authentication failed");
        }
    }

    /**
     * RFC 6120 §6.3.8: a client may only act as itself, so an authzid must be the authenticated bare JID.
     */
    static void checkAuthzid(String authzidOrNull, String localpart, DomainBareJid domain)
            throws AuthenticationFailure {
        if (authzidOrNull == null) {
            return;
        }
        try {
            Jid requested = JidCreate.from(authzidOrNull);
            Jid authenticated = JidCreate.entityBareFrom(Localpart.from(localpart), domain);
            if (requested.equals(authenticated)) {
                return;
            }
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new AuthenticationFailure(SaslFailure.INVALID_AUTHZID, "Malformed authorization identity");
        }
        throw new AuthenticationFailure(SaslFailure.INVALID_AUTHZID,
                "Authorization identity must be the authenticated bare JID");
    }
}
