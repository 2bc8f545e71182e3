package org.xmppd.pubsub;

import java.util.Optional;
import java.util.Set;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.xmppd.pubsub.engine.Relations;
import org.xmppd.server.router.ServerInfo;
import org.xmppd.storage.RosterItem;
import org.xmppd.storage.RosterStore;
import org.xmppd.storage.Subscription;

/** The presence and roster access models (XEP-0060 §4.5) asked of local accounts' rosters (RFC 6121 §2). */
public final class RosterRelations implements Relations {
    private final RosterStore rosters;
    private final ServerInfo server;

    public RosterRelations(RosterStore rosters, ServerInfo server) {
        this.rosters = rosters;
        this.server = server;
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
