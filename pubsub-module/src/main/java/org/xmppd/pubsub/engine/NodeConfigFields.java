package org.xmppd.pubsub.engine;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link NodeConfig} as {@code pubsub#node_config} fields (XEP-0060 §16.4.3): field name to
 * values, the shape both the data forms and the {@link org.xmppd.storage.NodeStore} use.
 * Fields this service does not know are ignored (they configure nothing here).
 */
public final class NodeConfigFields {
    public static final String FORM_TYPE = "http://jabber.org/protocol/pubsub#node_config";
    public static final String TITLE = "pubsub#title";
    public static final String DESCRIPTION = "pubsub#description";
    public static final String TYPE = "pubsub#type";
    public static final String NODE_TYPE = "pubsub#node_type";
    public static final String ACCESS_MODEL = "pubsub#access_model";
    public static final String PUBLISH_MODEL = "pubsub#publish_model";
    public static final String ROSTER_GROUPS = "pubsub#roster_groups_allowed";
    public static final String MAX_ITEMS = "pubsub#max_items";
    public static final String PERSIST_ITEMS = "pubsub#persist_items";
    public static final String DELIVER_PAYLOADS = "pubsub#deliver_payloads";
    public static final String DELIVER_NOTIFICATIONS = "pubsub#deliver_notifications";
    public static final String NOTIFY_RETRACT = "pubsub#notify_retract";
    public static final String NOTIFY_DELETE = "pubsub#notify_delete";
    public static final String NOTIFY_CONFIG = "pubsub#notify_config";
    public static final String SEND_LAST = "pubsub#send_last_published_item";
    public static final String ITEM_EXPIRE = "pubsub#item_expire";
    public static final String NOTIFICATION_TYPE = "pubsub#notification_type";
    public static final String SUBSCRIBE = "pubsub#subscribe";
    public static final String ITEM_REPLY = "pubsub#itemreply";
    public static final String NOTIFY_SUB = "pubsub#notify_sub";
    public static final String PRESENCE_BASED_DELIVERY = "pubsub#presence_based_delivery";

    /** {@code max} as a max_items value: the service's limit (XEP-0060 §16.4.3, 1.15.6). */
    public static final String MAX = "max";

    private NodeConfigFields() {
    }

    /** The fields of {@code config}, in form order. */
    public static Map<String, List<String>> toFields(NodeConfig config) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put(TITLE, optional(config.title()));
        fields.put(DESCRIPTION, optional(config.description()));
        fields.put(TYPE, optional(config.payloadType()));
        fields.put(NODE_TYPE, List.of("leaf"));
        fields.put(ACCESS_MODEL, List.of(config.accessModel().value()));
        fields.put(PUBLISH_MODEL, List.of(config.publishModel().value()));
        fields.put(ROSTER_GROUPS, config.rosterGroupsAllowed());
        fields.put(MAX_ITEMS, List.of(Integer.toString(config.maxItems())));
        fields.put(PERSIST_ITEMS, bool(config.persistItems()));
        fields.put(DELIVER_PAYLOADS, bool(config.deliverPayloads()));
        fields.put(DELIVER_NOTIFICATIONS, bool(config.deliverNotifications()));
        fields.put(NOTIFY_RETRACT, bool(config.notifyRetract()));
        fields.put(NOTIFY_DELETE, bool(config.notifyDelete()));
        fields.put(NOTIFY_CONFIG, bool(config.notifyConfig()));
        fields.put(SEND_LAST, List.of(config.sendLastPublishedItem().value()));
        fields.put(ITEM_EXPIRE, List.of(Long.toString(config.itemExpire().toSeconds())));
        fields.put(NOTIFICATION_TYPE, List.of(config.notificationType()));
        fields.put(SUBSCRIBE, bool(config.subscribe()));
        fields.put(ITEM_REPLY, List.of(config.itemReply()));
        fields.put(NOTIFY_SUB, bool(config.notifySub()));
        fields.put(PRESENCE_BASED_DELIVERY, bool(config.presenceBasedDelivery()));
        return fields;
    }

    /**
     * {@code base} with the given fields applied.
     *
     * @param maxItemsLimit the most items a node may keep; {@code max} means this many
     * @throws IllegalArgumentException naming the field whose value is not acceptable
     * @throws UnsupportedOperationException for a collection node (not offered by this service)
     */
    public static NodeConfig apply(NodeConfig base, Map<String, List<String>> fields, int maxItemsLimit) {
        Builder b = new Builder(base);
        for (Map.Entry<String, List<String>> field : fields.entrySet()) {
            List<String> values = field.getValue();
            String value = values.isEmpty() ? "" : values.get(0);
            switch (field.getKey()) {
                case TITLE -> b.title = emptyToNull(value);
                case DESCRIPTION -> b.description = emptyToNull(value);
                case TYPE -> b.payloadType = emptyToNull(value);
                case NODE_TYPE -> checkLeaf(value);
                case ACCESS_MODEL -> b.access = parse(field.getKey(), value, v -> AccessModel.fromValue(v).orElse(null));
                case PUBLISH_MODEL -> b.publish = parse(field.getKey(), value,
                        v -> PublishModel.fromValue(v).orElse(null));
                case ROSTER_GROUPS -> b.groups = List.copyOf(values);
                case MAX_ITEMS -> b.maxItems = maxItems(value, maxItemsLimit);
                case PERSIST_ITEMS -> b.persist = bool(field.getKey(), value);
                case DELIVER_PAYLOADS -> b.payloads = bool(field.getKey(), value);
                case DELIVER_NOTIFICATIONS -> b.notifications = bool(field.getKey(), value);
                case NOTIFY_RETRACT -> b.notifyRetract = bool(field.getKey(), value);
                case NOTIFY_DELETE -> b.notifyDelete = bool(field.getKey(), value);
                case NOTIFY_CONFIG -> b.notifyConfig = bool(field.getKey(), value);
                case SEND_LAST -> b.sendLast = parse(field.getKey(), value, v -> SendLastItem.fromValue(v).orElse(null));
                case ITEM_EXPIRE -> b.expire = Duration.ofSeconds(nonNegative(field.getKey(), value));
                case NOTIFICATION_TYPE -> b.notificationType = parse(field.getKey(), value,
                        v -> v.equals("headline") || v.equals("normal") ? v : null);
                case SUBSCRIBE -> b.subscribe = bool(field.getKey(), value);
                case ITEM_REPLY -> b.itemReply = parse(field.getKey(), value,
                        v -> v.equals(NodeConfig.REPLY_OWNER) || v.equals(NodeConfig.REPLY_PUBLISHER) ? v : null);
                case NOTIFY_SUB -> b.notifySub = bool(field.getKey(), value);
                case PRESENCE_BASED_DELIVERY -> b.presenceBased = bool(field.getKey(), value);
                default -> {
                    // FORM_TYPE and options this service does not offer configure nothing.
                }
            }
        }
        return b.build();
    }

    private static void checkLeaf(String value) {
        if (value.equals("collection")) {
            throw new UnsupportedOperationException("collections");
        }
        if (!value.isEmpty() && !value.equals("leaf")) {
            throw new IllegalArgumentException(NODE_TYPE + ": not a node type: " + value);
        }
    }

    private static int maxItems(String value, int limit) {
        if (value.equals(MAX)) {
            return limit;
        }
        long parsed = nonNegative(MAX_ITEMS, value);
        if (parsed < 1 || parsed > limit) {
            throw new IllegalArgumentException(MAX_ITEMS + " must be 1.." + limit + " or max: " + value);
        }
        return (int) parsed;
    }

    private static long nonNegative(String field, String value) {
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": not a number: " + value, e);
        }
        throw new IllegalArgumentException(field + ": must not be negative: " + value);
    }

    /** XML Schema booleans, as data forms carry them (XEP-0004 §3.3). */
    static boolean bool(String field, String value) {
        return switch (value.trim()) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new IllegalArgumentException(field + ": not a boolean: " + value);
        };
    }

    private static <T> T parse(String field, String value, Function<String, T> parser) {
        T parsed = parser.apply(value);
        if (parsed == null) {
            throw new IllegalArgumentException(field + ": not an allowed value: " + value);
        }
        return parsed;
    }

    private static List<String> optional(String value) {
        return value == null ? List.of() : List.of(value);
    }

    private static List<String> bool(boolean value) {
        return List.of(value ? "1" : "0");
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    /** The mutable scratch copy {@link #apply} works on. */
    private static final class Builder {
        String title;
        String description;
        String payloadType;
        AccessModel access;
        PublishModel publish;
        List<String> groups;
        int maxItems;
        boolean persist;
        boolean payloads;
        boolean notifications;
        boolean notifyRetract;
        boolean notifyDelete;
        boolean notifyConfig;
        SendLastItem sendLast;
        Duration expire;
        String notificationType;
        boolean subscribe;
        String itemReply;
        boolean notifySub;
        boolean presenceBased;

        Builder(NodeConfig c) {
            title = c.title();
            description = c.description();
            payloadType = c.payloadType();
            access = c.accessModel();
            publish = c.publishModel();
            groups = c.rosterGroupsAllowed();
            maxItems = c.maxItems();
            persist = c.persistItems();
            payloads = c.deliverPayloads();
            notifications = c.deliverNotifications();
            notifyRetract = c.notifyRetract();
            notifyDelete = c.notifyDelete();
            notifyConfig = c.notifyConfig();
            sendLast = c.sendLastPublishedItem();
            expire = c.itemExpire();
            notificationType = c.notificationType();
            subscribe = c.subscribe();
            itemReply = c.itemReply();
            notifySub = c.notifySub();
            presenceBased = c.presenceBasedDelivery();
        }

        NodeConfig build() {
            return new NodeConfig(title, description, payloadType, access, publish, groups, maxItems, persist,
                    payloads, notifications, notifyRetract, notifyDelete, notifyConfig, sendLast, expire,
                    notificationType, subscribe, itemReply, notifySub, presenceBased);
        }
    }
}
