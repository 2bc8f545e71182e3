package org.xmppd.server.modules.blocking;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.Namespaces;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.server.router.Router;
import org.xmppd.server.session.ClientSession;
import org.xmppd.server.session.SessionAttributes;
import org.xmppd.server.session.SessionRegistry;
import org.xmppd.storage.RosterItem;
import org.xmppd.storage.RosterStore;
import org.xmppd.storage.Subscription;

/**
 * The XEP-0191 requests: retrieve (§3.2), block (§3.3), unblock (§3.4) and unblock all (§3.5),
 * each change pushed to the account's resources that retrieved the list, and presence adjusted
 * for the contacts allowed to see it.
 */
final class BlockingCommands {
    /** Set on a session that retrieved its block list: it gets the pushes (§3.3). */
    static final SessionAttributes.Key<Boolean> REQUESTED = new SessionAttributes.Key<>("blocking.requested",
            Boolean.class);

    private final BlockLists lists;
    private final SessionRegistry sessions;
    private final Router router;
    private final RosterStore rosters;

    BlockingCommands(BlockLists lists, SessionRegistry sessions, Router router, RosterStore rosters) {
        this.lists = lists;
        this.sessions = sessions;
        this.router = router;
        this.rosters = rosters;
    }

    Element blocklist(Iq iq) throws StanzaErrorException {
        EntityBareJid account = owner(iq);
        Jid from = iq.from();
        if (from.isEntityFullJid()) {
            sessions.find(from.asEntityFullJidIfPossible()).ifPresent(s -> s.attributes().set(REQUESTED, true));
        }
        return iq.result(items("blocklist", lists.of(account).jids()));
    }

    Element block(Iq iq) throws StanzaErrorException {
        EntityBareJid account = owner(iq);
        List<String> jids = items(iq);
        if (jids.isEmpty()) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Name at least one JID to block");
        }
        Set<String> added = new LinkedHashSet<>(jids);
        added.removeAll(lists.of(account).jids());
        // §3.3: unavailable to the contacts that see our presence, sent while they are not yet blocked.
        for (BareJid contact : presenceSubscribers(account, added)) {
            for (ClientSession session : available(account)) {
                router.route(Element.builder("presence", Namespaces.CLIENT)
                        .attribute("from", session.jid().toString()).attribute("to", contact.toString())
                        .attribute("type", "unavailable").build());
            }
        }
        lists.block(account, jids);
        push(account, items("block", jids));
        return iq.emptyResult();
    }

    Element unblock(Iq iq) throws StanzaErrorException {
        EntityBareJid account = owner(iq);
        List<String> jids = items(iq);
        Set<String> removed = new LinkedHashSet<>(lists.of(account).jids());
        if (!jids.isEmpty()) {
            removed.retainAll(jids);
        }
        BlockList remaining = lists.unblock(account, jids);
        // §3.4: the current presence to the contacts that see it, now that it reaches them.
        for (BareJid contact : presenceSubscribers(account, removed)) {
            if (remaining.blocks(contact)) {
                continue;
            }
            for (ClientSession session : available(account)) {
                router.route(session.presence().element().toBuilder()
                        .attribute("from", session.jid().toString()).attribute("to", contact.toString()).build());
            }
        }
        push(account, items("unblock", jids));
        return iq.emptyResult();
    }

    /** §3.2: the request has no 'to' (or the own bare JID): the user's own list only. */
    private static EntityBareJid owner(Iq iq) throws StanzaErrorException {
        Jid from = iq.from();
        Jid to = iq.to();
        if (from == null || !from.hasLocalpart() || (to != null && !to.equals(from.asBareJid()))) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "A block list belongs to its owner only");
        }
        return from.asEntityBareJidIfPossible();
    }

    /** The request's item JIDs, normalized (RFC 7622), in order and without repeats. */
    private static List<String> items(Iq iq) throws StanzaErrorException {
        Set<String> jids = new LinkedHashSet<>();
        for (Element item : iq.payload().orElseThrow().elements()) {
            if (!item.is("item", BlockingModule.NAMESPACE)) {
                continue;
            }
            String jid = item.attributeOrNull("jid");
            if (jid == null) {
                throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "An item needs a 'jid'");
            }
            try {
                jids.add(JidCreate.from(jid).toString());
            } catch (XmppStringprepException e) {
                throw new StanzaErrorException(StanzaErrorCondition.JID_MALFORMED, "Not a JID: " + jid);
            }
        }
        return new ArrayList<>(jids);
    }

    private static Element items(String name, Iterable<String> jids) {
        Element.Builder element = Element.builder(name, BlockingModule.NAMESPACE);
        jids.forEach(jid -> element.child(Element.builder("item", BlockingModule.NAMESPACE)
                .attribute("jid", jid).build()));
        return element.build();
    }

    /** Roster contacts matching any of {@code items} that may see the account's presence (RFC 6121 §4). */
    private List<BareJid> presenceSubscribers(EntityBareJid account, Set<String> items) {
        List<BareJid> contacts = new ArrayList<>();
        if (items.isEmpty() || available(account).isEmpty()) {
            return contacts;
        }
        for (RosterItem item : rosters.roster(account).items()) {
            Subscription s = item.subscription();
            if ((s == Subscription.FROM || s == Subscription.BOTH)
                    && items.stream().anyMatch(blocked -> BlockList.itemMatches(blocked, item.jid()))) {
                contacts.add(item.jid());
            }
        }
        return contacts;
    }

    private List<ClientSession> available(EntityBareJid account) {
        return sessions.sessions(account).stream().filter(ClientSession::isAvailable).toList();
    }

    /** §3.3-§3.5: the change, to every resource that retrieved the list. */
    private void push(EntityBareJid account, Element change) {
        for (ClientSession session : sessions.sessions(account)) {
            if (session.attributes().getOrDefault(REQUESTED, false)) {
                router.route(Element.builder("iq", Namespaces.CLIENT)
                        .attribute("from", account.toString()).attribute("to", session.jid().toString())
                        .attribute("type", "set").attribute("id", "block-push-" + UUID.randomUUID())
                        .child(change).build());
            }
        }
    }
}
