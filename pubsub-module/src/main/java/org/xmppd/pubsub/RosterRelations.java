package org.xmppd.pubsub;

import java.util.Optional;
import java.util.Set;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.xmppd.pubsub.engine.Relations;
import org.xmppd.server.router.ServerInfo;
import org.xmppd.server.session.ClientSession;
import org.xmppd.server.session.SessionRegistry;
import org.xmppd.storage.RosterItem;
import org.xmppd.storage.RosterStore;
import org.xmppd.storage.Subscription;

/**
 * The presence and roster access models (XEP-0060 §4.5) asked of local accounts' rosters (RFC 6121
 * §2), and local accounts' availability asked of their sessions (remote entities count as online:
 * the server does not track their presence).
 */
public final class RosterRelations implements Relations {
    private final RosterStore rosters;
    private final ServerInfo server;
    private final SessionRegistry sessions;

    public RosterRelations(RosterStore rosters, ServerInfo server, SessionRegistry sessions) {
        this.rosters = rosters;
        this.server = server;
        this.sessions = sessions;
    }

    @Override
    public boolean isAvailable(Jid jid) {
        EntityBareJid account = jid.asEntityBareJidIfPossible();
        if (account == null || !server.isLocal(account)) {
            return true;
        }
        EntityFullJid full = jid.asEntityFullJidIfPossible();
        if (full != null) {
            return sessions.find(full).map(ClientSession::isAvailable).orElse(false);
        }
        return sessions.sessions(account).stream().anyMatch(ClientSession::isAvailable);
    }

    @Override
    public boolean isSubscribedToPresence(BareJid owner, BareJid contact) {
        return item(owner, contact).map(i -> i.subscription() == Subscription.FROM
                || i.subscription() == Subscription.BOTH).orElse(false);
    }

    @Override
    public Set<String> rosterGroups(BareJid owner, BareJid contact) {
        return item(owner, contact).map(RosterItem::groups).orElse(Set.of());
    }

    private Optional<RosterItem> item(BareJid owner, BareJid contact) {
        EntityBareJid account = owner.asEntityBareJidIfPossible();
        if (account == null || !server.isLocal(account)) {
            return Optional.empty();
        }
        return rosters.item(account, contact);
    }
}
