package org.xmppd.server.modules.roster;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.Jids;
import org.xmppd.codec.Namespaces;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.server.router.Router;
import org.xmppd.server.session.SessionRegistry;
import org.xmppd.storage.Roster;
import org.xmppd.storage.RosterItem;
import org.xmppd.storage.RosterStore;

/**
 * Roster get and set (RFC 6121 §2.2-2.5) with versioning (§2.6, XEP-0237).
 * <pre>
 * C: &lt;iq type='get' id='r1'&gt;&lt;query xmlns='jabber:iq:roster' ver='7'/&gt;&lt;/iq&gt;
 * S: &lt;iq type='result' id='r1'/&gt;                                   (unchanged since 7)
 * C: &lt;iq type='set' id='r2'&gt;&lt;query xmlns='jabber:iq:roster'&gt;&lt;item jid='nurse@example.com' name='Nurse'&gt;
 *      &lt;group&gt;Servants&lt;/group&gt;&lt;/item&gt;&lt;/query&gt;&lt;/iq&gt;
 * S: roster push to each interested resource, then &lt;iq type='result' id='r2'/&gt;
 * </pre>
 * A version-aware get whose version is stale gets the whole roster, which §2.6.3 allows.
 */
final class RosterIqHandler {
    /** Longest item name or group name accepted (§2.3.3 lets the server choose; not-acceptable beyond). */
    static final int MAX_NAME_LENGTH = 1023;

    private final RosterStore store;
    private final RosterEditor editor;
    private final InterestedResources interested;
    private final SessionRegistry sessions;
    private final Router router;
    private final PresenceSharing sharing;

    RosterIqHandler(RosterStore store, RosterEditor editor, InterestedResources interested, SessionRegistry sessions,
            Router router, PresenceSharing sharing) {
        this.store = store;
        this.editor = editor;
        this.interested = interested;
        this.sessions = sessions;
        this.router = router;
        this.sharing = sharing;
    }

    Element get(Iq iq) throws StanzaErrorException {
        EntityBareJid owner = owner(iq);
        String version = iq.payload().orElseThrow().attributeOrNull("ver");
        // Interested before reading, so no push can fall between the read and the interest.
        Jid from = iq.from();
        if (from.isEntityFullJid()) {
            sessions.find(from.asEntityFullJidIfPossible()).ifPresent(s -> interested.add(s, version != null));
        }
        Roster roster = store.roster(owner);
        if (version != null && version.equals(roster.version())) {
            return iq.emptyResult(); // §2.6.3: the cached roster is current
        }
        List<Element> items = new ArrayList<>();
        roster.items().forEach(item -> items.add(RosterXml.item(item)));
        return iq.result(RosterXml.query(version != null ? roster.version() : null, items));
    }

    Element set(Iq iq) throws StanzaErrorException {
        EntityBareJid owner = owner(iq);
        List<Element> items = new ArrayList<>();
        for (Element child : iq.payload().orElseThrow().elements()) {
            if (child.is("item", RosterXml.NAMESPACE)) {
                items.add(child);
            }
        }
        if (items.size() != 1) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "A roster set holds exactly one item");
        }
        Element item = items.get(0);
        BareJid contact = contactOf(item);
        if ("remove".equals(item.attributeOrNull("subscription"))) {
            return remove(iq, owner, contact);
        }
        String name = checkedName(item.attributeOrNull("name"));
        Set<String> groups = groupsOf(item);
        // §2.1.2.5: any other 'subscription' or 'ask' from a client is ignored.
        RosterEditor.Edit edit = editor.update(owner, contact, before -> new RosterItem(contact, name,
                before.subscription(), before.askOut(), before.pendingIn(), before.approved(), groups));
        if (edit.pushed()) {
            interested.push(owner, RosterXml.item(edit.after()), edit.version());
        }
        return iq.emptyResult();
    }

    /** §2.5.2: the item goes, and with it both subscriptions, which the contact is told about. */
    private Element remove(Iq iq, EntityBareJid owner, BareJid contact) throws StanzaErrorException {
        RosterEditor.Edit edit = editor.remove(owner, contact);
        if (edit == null) {
            throw new StanzaErrorException(StanzaErrorCondition.ITEM_NOT_FOUND, "No such roster item: " + contact);
        }
        interested.push(owner, RosterXml.removed(contact), edit.version());
        RosterItem before = edit.before();
        if (SubscriptionStates.hasTo(before) || before.askOut()) {
            router.route(subscription("unsubscribe", owner, contact));
        }
        if (SubscriptionStates.hasFrom(before) || before.pendingIn()) {
            if (SubscriptionStates.hasFrom(before)) {
                sharing.sendUnavailable(owner, contact);
            }
            router.route(subscription("unsubscribed", owner, contact));
        }
        return iq.emptyResult();
    }

    /** §2.1.5, §2.3.3: a user reads and writes only their own roster. */
    private static EntityBareJid owner(Iq iq) throws StanzaErrorException {
        Jid from = iq.from();
        Jid to = iq.to();
        if (from == null || !from.hasLocalpart()) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "Rosters belong to accounts");
        }
        EntityBareJid owner = from.asEntityBareJidIfPossible();
        if (to != null && !to.equals(owner)) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "Only the owner may use a roster");
        }
        return owner;
    }

    private static BareJid contactOf(Element item) throws StanzaErrorException {
        String text = item.attributeOrNull("jid");
        if (text == null) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "A roster item needs a 'jid'");
        }
        Jid jid = Jids.parseOrNull(text);
        if (jid.hasResource()) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Roster items are bare JIDs: " + text);
        }
        return jid.asBareJid();
    }

    private static String checkedName(String name) throws StanzaErrorException {
        if (name != null && name.length() > MAX_NAME_LENGTH) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE,
                    "Item names are at most " + MAX_NAME_LENGTH + " characters");
        }
        return name == null || name.isEmpty() ? null : name;
    }

    /** §2.3.3: groups are non-empty, not too long, and not repeated. */
    private static Set<String> groupsOf(Element item) throws StanzaErrorException {
        Set<String> groups = new LinkedHashSet<>();
        for (Element group : item.elements()) {
            if (!group.is("group", RosterXml.NAMESPACE)) {
                continue;
            }
            String name = group.text();
            if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
                throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE,
                        "Group names have 1 to " + MAX_NAME_LENGTH + " characters");
            }
            if (!groups.add(name)) {
                throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Group repeated: " + name);
            }
        }
        return groups;
    }

    private static Element subscription(String type, EntityBareJid owner, BareJid contact) {
        return Element.builder("presence", Namespaces.CLIENT).attribute("type", type)
                .attribute("from", owner.toString()).attribute("to", contact.toString()).build();
    }
}
