package org.xmppd.muc.xml;

import java.util.function.Consumer;
import org.jxmpp.jid.EntityFullJid;
import org.xmppd.codec.Element;
import org.xmppd.server.router.Router;
import org.xmppd.server.router.ServerInfo;
import org.xmppd.server.session.ClientSession;
import org.xmppd.server.session.SessionRegistry;
import org.xmppd.server.session.SharedStanza;

/**
 * Writes room stanzas to occupants' sessions. A local session gets the shared serialized bytes
 * ({@link SharedStanza}); a local occupant whose session is gone is reported dead (it left
 * without telling the room); remote occupants go through the router.
 */
final class Delivery {
    private final SessionRegistry sessions;
    private final Router router;
    private final ServerInfo server;
    private final Consumer<EntityFullJid> deadSession;

    Delivery(SessionRegistry sessions, Router router, ServerInfo server, Consumer<EntityFullJid> deadSession) {
        this.sessions = sessions;
        this.router = router;
        this.server = server;
        this.deadSession = deadSession;
    }

    void send(EntityFullJid to, SharedStanza stanza) {
        ClientSession session = sessions.find(to).orElse(null);
        if (session != null) {
            session.deliver(stanza);
        } else if (server.isLocal(to)) {
            deadSession.accept(to);
        } else {
            router.route(stanza.element(to));
        }
    }

    void send(EntityFullJid to, Element stanza) {
        send(to, SharedStanza.of(stanza));
    }

    /** Anything not for an occupant session (invitations, errors, IQ replies). */
    void route(Element stanza) {
        router.route(stanza);
    }
}
