package org.xmppd.pubsub.pep;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.xmppd.pubsub.engine.Item;
import org.xmppd.pubsub.engine.Notification;
import org.xmppd.pubsub.engine.NodeSnapshot;
import org.xmppd.pubsub.engine.PubSubService;
import org.xmppd.pubsub.engine.SendLastItem;
import org.xmppd.server.session.ClientSession;

/**
 * XEP-0163 §4.3.2 / §4.3.4: when a client comes online or adds {@code +notify} features, it gets
 * the last item of each node it now wants, from its own account and from every contact whose
 * presence it receives, when the node sends its last item on presence and lets it see the item.
 */
final class LastItems {
    private static final String NOTIFY = "+notify";

    private final PepServices services;
    private final Contacts contacts;
    private final PepNotifier notifier;

    LastItems(PepServices services, Contacts contacts, PepNotifier notifier) {
        this.services = services;
        this.contacts = contacts;
        this.notifier = notifier;
    }

    /** The caps listener: sends the last items of the nodes {@code session} newly wants. */
    void featuresChanged(ClientSession session, Set<String> before, Set<String> after) {
        Set<String> added = new HashSet<>();
        for (String feature : after) {
            if (feature.endsWith(NOTIFY) && !before.contains(feature)) {
                added.add(feature.substring(0, feature.length() - NOTIFY.length()));
            }
        }
        if (added.isEmpty() || !session.isAvailable()) {
            return;
        }
        EntityBareJid self = session.jid().asEntityBareJid();
        send(self, added, session);
        for (EntityBareJid contact : contacts.contacts(self, Contacts::sendsPresence)) {
            send(contact, added, session);
        }
    }

    private void send(BareJid account, Set<String> wanted, ClientSession session) {
        PubSubService service = services.of(account);
        List<String> names = services.repository().names(account).stream().filter(wanted::contains).toList();
        for (String name : names) {
            NodeSnapshot node = service.node(name).orElse(null);
            if (node == null || node.config().sendLastPublishedItem() != SendLastItem.ON_SUB_AND_PRESENCE) {
                continue;
            }
            Item last = service.lastItemFor(node, session.jid()).orElse(null);
            if (last != null) {
                notifier.sendTo(new Notification.Published(account, name, node.config(), List.of(last), List.of()),
                        session);
            }
        }
    }
}
