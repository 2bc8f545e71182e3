package org.xmppd.pubsub.engine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A leaf node's configuration (XEP-0060 §16.4.3 {@code pubsub#node_config}). Turned into and
 * from the field map the store keeps and the data forms carry by {@link NodeConfigFields}.
 *
 * @param title                 {@code pubsub#title}, or null
 * @param description           {@code pubsub#description}, or null
 * @param payloadType           {@code pubsub#type}: the namespace of the payloads, or null
 * @param accessModel           {@code pubsub#access_model}
 * @param publishModel          {@code pubsub#publish_model}
 * @param rosterGroupsAllowed   {@code pubsub#roster_groups_allowed}, for the roster access model
 * @param maxItems              {@code pubsub#max_items}: items kept, at least 1
 * @param persistItems          {@code pubsub#persist_items}: false makes a transient node (§7.1.3.6)
 * @param deliverPayloads       {@code pubsub#deliver_payloads}: false sends notifications without payload
 * @param deliverNotifications  {@code pubsub#deliver_notifications}: false sends no item notifications
 * @param notifyRetract         {@code pubsub#notify_retract}
 * @param notifyDelete          {@code pubsub#notify_delete}
 * @param notifyConfig          {@code pubsub#notify_config}
 * @param sendLastPublishedItem {@code pubsub#send_last_published_item}
 * @param itemExpire            {@code pubsub#item_expire}: items older than this are dropped; zero for never
 * @param notificationType      {@code pubsub#notification_type}: the message type, headline or normal
 * @param subscribe             {@code pubsub#subscribe}: whether subscriptions are allowed
 * @param itemReply             {@code pubsub#itemreply}: {@code publisher} puts the publisher's bare JID on
 *                              items (§7.1.2.1), {@code owner} does not
 * @param notifySub             {@code pubsub#notify_sub}: owners hear of subscriptions and unsubscriptions
 * @param presenceBasedDelivery {@code pubsub#presence_based_delivery}: notifications only to subscribers
 *                              with an available resource
 */
public record NodeConfig(String title, String description, String payloadType, AccessModel accessModel,
        PublishModel publishModel, List<String> rosterGroupsAllowed, int maxItems, boolean persistItems,
        boolean deliverPayloads, boolean deliverNotifications, boolean notifyRetract, boolean notifyDelete,
        boolean notifyConfig, SendLastItem sendLastPublishedItem, Duration itemExpire, String notificationType,
        boolean subscribe, String itemReply, boolean notifySub, boolean presenceBasedDelivery) {
    /** {@code pubsub#itemreply} values (XEP-0060 §16.4.3). */
    public static final String REPLY_OWNER = "owner";
    public static final String REPLY_PUBLISHER = "publisher";

    public NodeConfig {
        Objects.requireNonNull(accessModel, "accessModel");
        Objects.requireNonNull(publishModel, "publishModel");
        rosterGroupsAllowed = List.copyOf(rosterGroupsAllowed);
        if (maxItems < 1) {
            throw new IllegalArgumentException("max_items must be at least 1: " + maxItems);
        }
        Objects.requireNonNull(sendLastPublishedItem, "sendLastPublishedItem");
        itemExpire = itemExpire == null ? Duration.ZERO : itemExpire;
        if (!notificationType.equals("headline") && !notificationType.equals("normal")) {
            throw new IllegalArgumentException("notification_type must be headline or normal: " + notificationType);
        }
        if (!itemReply.equals(REPLY_OWNER) && !itemReply.equals(REPLY_PUBLISHER)) {
            throw new IllegalArgumentException("itemreply must be owner or publisher: " + itemReply);
        }
    }

    /** The defaults of a node on a pubsub service: open, kept items, payloads delivered. */
    public static NodeConfig serviceDefaults(int maxItems) {
        return new NodeConfig(null, null, null, AccessModel.OPEN, PublishModel.PUBLISHERS, List.of(), maxItems,
                true, true, true, true, true, false, SendLastItem.NEVER, Duration.ZERO, "headline", true, REPLY_OWNER,
                false, false);
    }

    /**
     * The defaults of a PEP node (XEP-0163 §4.1, §5): presence access, one item, the last item
     * sent to contacts as they come online.
     */
    public static NodeConfig pepDefaults() {
        return new NodeConfig(null, null, null, AccessModel.PRESENCE, PublishModel.PUBLISHERS, List.of(), 1,
                true, true, true, true, true, false, SendLastItem.ON_SUB_AND_PRESENCE, Duration.ZERO, "headline",
                true, REPLY_OWNER, false, false);
    }

    /** Whether items carry their publisher (§7.1.2.1). */
    public boolean namesPublisher() {
        return itemReply.equals(REPLY_PUBLISHER);
    }

    /** Whether items are kept at all (a transient node keeps none, §7.1.3.6). */
    public boolean keepsItems() {
        return persistItems;
    }
}
