package org.xmppd.server.modules.roster;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;
import org.xmppd.server.router.Router;
import org.xmppd.server.router.ServerInfo;
import org.xmppd.server.session.ClientSession;
import org.xmppd.server.session.SessionRegistry;

/**
 * What a change of subscription shows the contact at once: the user's current presence when
 * the contact gains a subscription (RFC 6121 §3.1.5, §3.4), unavailable when it loses one
 * (§3.2.2, §3.3.3), from each available resource of the user.
 */
final class PresenceSharing {
    private final Router router;
    private final SessionRegistry sessions;
    private final ServerInfo server;

    PresenceSharing(Router router, SessionRegistry sessions, ServerInfo server) {
        this.router = router;
        this.sessions = sessions;
        this.server = server;
    }

    /** The last presence of each available resource of {@code user}, to {@code contact}. */
    void sendPresence(EntityBareJid user, BareJid contact) {
        if (!server.isLocal(contact)) {
            return; // TODO: remote contacts once server-to-server exists
        }
        for (ClientSession session : sessions.sessions(user)) {
            if (session.isAvailable()) {
                router.route(session.presence().element().toBuilder()
                        .attribute("from", session.jid().toString()).attribute("to", contact.toString()).build());
            }
        }
    }

    /** Unavailable from each available resource of {@code user}, to {@code contact}. */
    void sendUnavailable(EntityBareJid user, BareJid contact) {
        if (!server.isLocal(contact)) {
            return; // TODO: remote contacts once server-to-server exists
        }
        for (ClientSession session : sessions.sessions(user)) {
            if (session.isAvailable()) {
                router.route(Element.builder("presence", Namespaces.CLIENT).attribute("type", "unavailable")
                        .attribute("from", session.jid().toString()).attribute("to", contact.toString()).build());
            }
        }
    }
}
