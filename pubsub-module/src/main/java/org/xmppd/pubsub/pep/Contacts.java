package org.xmppd.pubsub.pep;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.xmppd.pubsub.caps.CapsTracker;
import org.xmppd.server.router.ServerInfo;
import org.xmppd.server.session.ClientSession;
import org.xmppd.server.session.SessionRegistry;
import org.xmppd.storage.RosterItem;
import org.xmppd.storage.RosterStore;
import org.xmppd.storage.Subscription;

/**
 * Who PEP talks to without explicit subscriptions (XEP-0163 §4.3): the available resources of an
 * account and of its local contacts, by roster subscription and by the {@code +notify} features
 * their caps announce.
 */
final class Contacts {
    private final SessionRegistry sessions;
    private final RosterStore rosters;
    private final ServerInfo server;

    Contacts(SessionRegistry sessions, RosterStore rosters, ServerInfo server) {
        this.sessions = sessions;
        this.rosters = rosters;
        this.server = server;
    }

    /** Whether {@code session} asked for notifications of {@code node} (XEP-0163 §4.3.1 {@code +notify}). */
    static boolean wants(ClientSession session, String node) {
        return session.isAvailable() && CapsTracker.features(session).contains(node + "+notify");
    }

    /** The available resources of {@code account} that want {@code node}. */
    List<ClientSession> interested(BareJid account, String node) {
        EntityBareJid entity = account.asEntityBareJidIfPossible();
        if (entity == null) {
            return List.of();
        }
        return sessions.sessions(entity).stream().filter(s -> wants(s, node)).toList();
    }

    /**
     * The local contacts whose roster item on {@code owner}'s roster satisfies {@code subscription}
     * (e.g. from/both: they receive the owner's presence).
     */
    List<EntityBareJid> contacts(BareJid owner, Predicate<Subscription> subscription) {
        EntityBareJid entity = owner.asEntityBareJidIfPossible();
        if (entity == null) {
            return List.of();
        }
        List<EntityBareJid> contacts = new ArrayList<>();
        for (RosterItem item : rosters.roster(entity).items()) {
            EntityBareJid contact = item.jid().asEntityBareJidIfPossible();
            if (contact != null && subscription.test(item.subscription()) && server.isLocal(contact)
                    && !contact.equals(entity)) {
                contacts.add(contact);
            }
        }
        return contacts;
    }

    static boolean receivesPresence(Subscription s) {
        return s == Subscription.FROM || s == Subscription.BOTH;
    }

    static boolean sendsPresence(Subscription s) {
        return s == Subscription.TO || s == Subscription.BOTH;
    }
}
