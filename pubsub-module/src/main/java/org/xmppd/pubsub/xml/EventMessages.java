package org.xmppd.pubsub.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;
import org.xmppd.pubsub.engine.Item;
import org.xmppd.pubsub.engine.NodeConfig;
import org.xmppd.pubsub.engine.Notification;
import org.xmppd.pubsub.engine.Recipient;

/**
 * Notifications as {@code <message/>} stanzas (XEP-0060 §7.1.2, §7.2.2, §8.2.4, §8.4.2, §8.5.2,
 * §8.6). Each notification becomes one template without {@code to}, built once and copied per
 * recipient, so a node with many subscribers parses its payload once.
 * <pre>
 * &lt;message from='pubsub.example.org' to='bob@example.org' type='headline'&gt;
 *   &lt;event xmlns='http://jabber.org/protocol/pubsub#event'&gt;
 *     &lt;items node='news'&gt;&lt;item id='5f3c'&gt;&lt;entry xmlns='http://www.w3.org/2005/Atom'&gt;...&lt;/entry&gt;&lt;/item&gt;&lt;/items&gt;
 *   &lt;/event&gt;
 * &lt;/message&gt;
 * </pre>
 */
public final class EventMessages {
    private EventMessages() {
    }

    /** The messages announcing {@code notification} to its recipients, from the service. */
    public static List<Element> of(Notification notification) {
        if (notification instanceof Notification.AuthorizationRequested a) {
            return authorizationRequests(a);
        }
        if (notification instanceof Notification.SubscriberNotice n) {
            return subscriberNotices(n);
        }
        if (notification instanceof Notification.SubscriptionChanged s) {
            return List.of(template(s).withAttribute("to", s.subscription().jid().toString()));
        }
        return copies(template(notification), recipients(notification));
    }

    /** Who a subscriber-directed notification goes to; empty for the other kinds. */
    public static List<Recipient> recipients(Notification notification) {
        if (notification instanceof Notification.Published p) {
            return p.recipients();
        } else if (notification instanceof Notification.Retracted r) {
            return r.recipients();
        } else if (notification instanceof Notification.Deleted d) {
            return d.recipients();
        } else if (notification instanceof Notification.Purged p) {
            return p.recipients();
        } else if (notification instanceof Notification.Configured c) {
            return c.recipients();
        }
        return List.of();
    }

    /** The message of {@code notification} without {@code to}; null for an authorization request. */
    public static Element template(Notification notification) {
        if (notification instanceof Notification.Published p) {
            return message(p.service(), p.config().notificationType(),
                    items(p.node(), p.items(), p.config()));
        } else if (notification instanceof Notification.Retracted r) {
            Element.Builder items = Element.builder("items", Ns.EVENT).attribute("node", r.node());
            r.itemIds().forEach(id -> items.child(Element.builder("retract", Ns.EVENT).attribute("id", id).build()));
            return message(r.service(), r.config().notificationType(), items.build());
        } else if (notification instanceof Notification.Deleted d) {
            Element.Builder delete = Element.builder("delete", Ns.EVENT).attribute("node", d.node());
            if (d.redirect() != null) {
                delete.child(Element.builder("redirect", Ns.EVENT).attribute("uri", d.redirect()).build());
            }
            return message(d.service(), "headline", delete.build());
        } else if (notification instanceof Notification.Purged p) {
            return message(p.service(), "headline", Element.builder("purge", Ns.EVENT).attribute("node", p.node())
                    .build());
        } else if (notification instanceof Notification.Configured c) {
            return message(c.service(), "headline", Element.builder("configuration", Ns.EVENT)
                    .attribute("node", c.node()).child(NodeConfigForm.of(c.config(), "result")).build());
        } else if (notification instanceof Notification.SubscriptionChanged s) {
            // §8.6.3 / §8.8.4: a <pubsub/>, not an <event/>, tells the subscriber its new state.
            return Element.builder("message", Namespaces.CLIENT)
                    .attribute("from", s.service().toString())
                    .attribute("id", UUID.randomUUID().toString())
                    .child(Element.builder("pubsub", Ns.PUBSUB)
                            .child(Element.builder("subscription", Ns.PUBSUB).attribute("node", s.node())
                                    .attribute("jid", s.subscription().jid().toString())
                                    .attribute("subid", s.subscription().subid())
                                    .attribute("subscription", s.subscription().state().value()).build())
                            .build())
                    .build();
        }
        return null;
    }

    private static Element items(String node, List<Item> items, NodeConfig config) {
        Element.Builder element = Element.builder("items", Ns.EVENT).attribute("node", node);
        for (Item item : items) {
            element.child(Payloads.item(item, config.deliverPayloads(), config.namesPublisher(), Ns.EVENT));
        }
        return element.build();
    }

    private static Element message(BareJid from, String type, Element event) {
        return Element.builder("message", Namespaces.CLIENT)
                .attribute("from", from.toString())
                .attribute("type", type)
                .attribute("id", UUID.randomUUID().toString())
                .child(Element.builder("event", Ns.EVENT).child(event).build())
                .build();
    }

    /** The template addressed to each recipient. */
    public static List<Element> copies(Element template, List<Recipient> recipients) {
        List<Element> messages = new ArrayList<>(recipients.size());
        for (Recipient recipient : recipients) {
            messages.add(template.withAttribute("to", recipient.jid().toString()));
        }
        return messages;
    }

    /** {@code pubsub#notify_sub}: {@code <event><subscription node jid subscription/></event>} to each owner. */
    private static List<Element> subscriberNotices(Notification.SubscriberNotice n) {
        Element template = message(n.service(), "headline", Element.builder("subscription", Ns.EVENT)
                .attribute("node", n.node()).attribute("jid", n.subscription().jid().toString())
                .attribute("subscription", n.subscription().state().value()).build());
        List<Element> messages = new ArrayList<>();
        n.owners().forEach(owner -> messages.add(template.withAttribute("to", owner.toString())));
        return messages;
    }

    /** §8.6.1: a form to each owner, asking to allow the subscription. */
    private static List<Element> authorizationRequests(Notification.AuthorizationRequested a) {
        Element form = DataForm.builder("form", Ns.SUBSCRIBE_AUTHORIZATION)
                .field("pubsub#node", "text-single", "Node ID", List.of(a.node()), List.of())
                .field("pubsub#subscriber_jid", "jid-single", "Subscriber Address",
                        List.of(a.pending().jid().toString()), List.of())
                .field("pubsub#subid", "hidden", null, List.of(a.pending().subid()), List.of())
                .field("pubsub#allow", "boolean", "Allow this JID to subscribe to this pubsub node?",
                        List.of("false"), List.of())
                .build();
        List<Element> messages = new ArrayList<>();
        for (Jid owner : a.owners()) {
            messages.add(Element.builder("message", Namespaces.CLIENT)
                    .attribute("from", a.service().toString()).attribute("to", owner.toString())
                    .attribute("id", UUID.randomUUID().toString())
                    .textChild("body", Namespaces.CLIENT, "Allow " + a.pending().jid() + " to subscribe to node "
                            + a.node() + "?")
                    .child(form).build());
        }
        return messages;
    }
}
