package org.xmppd.server.modules.presence;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.xmppd.codec.Presence;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.server.router.Router;
import org.xmppd.server.session.ClientSession;
import org.xmppd.server.session.SessionRegistry;
import org.xmppd.storage.RosterStore;
import org.xmppd.storage.Subscription;

/**
 * Presence probes to a local account (RFC 6121 §4.3.2): answered by the server with the last
 * presence of each available resource when the prober may see it (a from/both subscription, or
 * the account itself), never delivered to the account's clients. Unauthorised probes get
 * nothing, so presence does not leak; nor does an account without an available resource
 * answer (§4.3.2 allows silence, and clients show contacts offline until told otherwise).
 * <pre>
 * romeo's server: &lt;presence type='probe' from='romeo@example.net/orchard' to='juliet@example.com'/&gt;
 * S: &lt;presence from='juliet@example.com/balcony' to='romeo@example.net/orchard'&gt;...&lt;/presence&gt;
 * </pre>
 */
final class ProbeHandler {
    private final RosterStore rosters;
    private final SessionRegistry sessions;
    private final Router router;

    ProbeHandler(RosterStore rosters, SessionRegistry sessions, Router router) {
        this.rosters = rosters;
        this.sessions = sessions;
        this.router = router;
    }

    boolean deliver(Presence presence) throws StanzaErrorException {
        if (!"probe".equals(presence.type())) {
            return false;
        }
        Jid to = presence.to();
        Jid from = presence.from();
        if (to == null || !to.hasLocalpart() || from == null) {
            return true; // probes of the server itself: nothing to report
        }
        EntityBareJid user = to.asEntityBareJidIfPossible();
        if (!mayProbe(user, from.asBareJid())) {
            return true;
        }
        for (ClientSession session : sessions.sessions(user)) {
            if (session.isAvailable()) {
                router.route(session.presence().element().toBuilder()
                        .attribute("from", session.jid().toString()).attribute("to", from.toString()).build());
            }
        }
        return true;
    }

    private boolean mayProbe(EntityBareJid user, BareJid prober) {
        if (prober.equals(user)) {
            return true;
        }
        Subscription subscription = rosters.item(user, prober).map(i -> i.subscription()).orElse(Subscription.NONE);
        return subscription == Subscription.FROM || subscription == Subscription.BOTH;
    }
}
