package org.xmppd.pubsub.engine;

import java.util.List;
import java.util.Objects;

import org.jxmpp.jid.BareJid;

/**
 * An event the protocol layer must announce (XEP-0060 §7.1.2, §7.2.2, §8.2.4, §8.4.2, §8.5.2,
 * §8.6) as {@code <message><event xmlns='http://jabber.org/protocol/pubsub#event'>}.
 */
public sealed interface Notification {
    /** The service the node lives on: the pubsub domain or a PEP account. */
    BareJid service();

    String node();

    /** New items (or, for a transient notification node, a publication without item). */
    record Published(BareJid service, String node, NodeConfig config, List<Item> items, List<Recipient> recipients)
            implements Notification {
        public Published {
            items = List.copyOf(items);
            recipients = List.copyOf(recipients);
        }
    }

    /** Items retracted (§7.2.2). */
    record Retracted(BareJid service, String node, NodeConfig config, List<String> itemIds,
            List<Recipient> recipients) implements Notification {
        public Retracted {
            itemIds = List.copyOf(itemIds);
            recipients = List.copyOf(recipients);
        }
    }

    /** The node was deleted, possibly pointing at a replacement (§8.4.2). */
    record Deleted(BareJid service, String node, String redirect, List<Recipient> recipients)
            implements Notification {
        public Deleted {
            recipients = List.copyOf(recipients);
        }
    }

    /** Every item was removed (§8.5.2). */
    record Purged(BareJid service, String node, List<Recipient> recipients) implements Notification {
        public Purged {
            recipients = List.copyOf(recipients);
        }
    }

    /** The configuration changed (§8.2.4). */
    record Configured(BareJid service, String node, NodeConfig config, List<Recipient> recipients)
            implements Notification {
        public Configured {
            recipients = List.copyOf(recipients);
        }
    }

    /** A subscription's state changed, told to the subscriber (§8.6.3, §8.8.2). */
    record SubscriptionChanged(BareJid service, String node, Subscription subscription) implements Notification {
        public SubscriptionChanged {
            Objects.requireNonNull(subscription, "subscription");
        }
    }

    /**
     * A subscription began or ended (state none), told to the owners of a node that asks for it
     * ({@code pubsub#notify_sub}, §16.4.3).
     */
    record SubscriberNotice(BareJid service, String node, Subscription subscription, List<BareJid> owners)
            implements Notification {
        public SubscriberNotice {
            Objects.requireNonNull(subscription, "subscription");
            owners = List.copyOf(owners);
        }
    }

    /** A subscription awaits approval, asked of the owners (§8.6.1). */
    record AuthorizationRequested(BareJid service, String node, Subscription pending, List<BareJid> owners)
            implements Notification {
        public AuthorizationRequested {
            owners = List.copyOf(owners);
        }
    }
}
