package org.xmppd.pubsub.pep;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.xmppd.codec.Element;
import org.xmppd.pubsub.engine.Notification;
import org.xmppd.pubsub.engine.NodeSnapshot;
import org.xmppd.pubsub.engine.PubSubService;
import org.xmppd.pubsub.engine.Recipient;
import org.xmppd.pubsub.xml.EventMessages;
import org.xmppd.server.router.Router;
import org.xmppd.server.session.ClientSession;

/**
 * Sends PEP notifications: to explicit subscribers as the engine says, and to everyone implicitly
 * subscribed (XEP-0163 §4.3.1): the owner's resources and, when the node's access model lets
 * them see it, the resources of contacts receiving the owner's presence, each only if its caps
 * carry {@code node+notify}. A bare JID with an explicit subscription is not notified twice.
 */
final class PepNotifier {
    private final Router router;
    private final Contacts contacts;
    private final PepServices services;

    PepNotifier(Router router, Contacts contacts, PepServices services) {
        this.router = router;
        this.contacts = contacts;
        this.services = services;
    }

    void send(List<Notification> notifications) {
        notifications.forEach(this::send);
    }

    void send(Notification notification) {
        List<Element> explicit = EventMessages.of(notification);
        explicit.forEach(router::route);
        Element template = EventMessages.template(notification);
        if (template == null || notification instanceof Notification.SubscriptionChanged) {
            return;
        }
        Set<BareJid> told = new HashSet<>();
        EventMessages.recipients(notification).forEach(r -> told.add(r.jid().asBareJid()));
        for (ClientSession session : implicit(notification)) {
            if (!told.contains(session.jid().asBareJid())) {
                router.route(template.withAttribute("to", session.jid().toString()));
            }
        }
    }

    /** The implicitly subscribed resources (§4.3.1); after a deletion only the owner's own. */
    private List<ClientSession> implicit(Notification notification) {
        BareJid owner = notification.service();
        String node = notification.node();
        List<ClientSession> sessions = new java.util.ArrayList<>(contacts.interested(owner, node));
        if (notification instanceof Notification.Deleted) {
            return sessions;
        }
        PubSubService service = services.of(owner);
        NodeSnapshot snapshot = service.node(node).orElse(null);
        if (snapshot == null) {
            return sessions;
        }
        for (EntityBareJid contact : contacts.contacts(owner, Contacts::receivesPresence)) {
            if (service.mayAccess(snapshot, contact)) {
                sessions.addAll(contacts.interested(contact, node));
            }
        }
        return sessions;
    }

    /** A notification for one resource (the last item when it comes online or starts asking). */
    void sendTo(Notification.Published published, ClientSession session) {
        Notification.Published single = new Notification.Published(published.service(), published.node(),
                published.config(), published.items(), List.of(new Recipient(session.jid(), null)));
        EventMessages.of(single).forEach(router::route);
    }
}
