package org.xmppd.pubsub.xml;

import java.util.List;
import java.util.Map;

import org.xmppd.codec.Element;
import org.xmppd.pubsub.engine.NodeConfig;
import org.xmppd.pubsub.engine.NodeConfigFields;

/** {@link NodeConfig} as the {@code pubsub#node_config} form of XEP-0060 §16.4.3, with types and labels. */
public final class NodeConfigForm {
    private record Field(String var, String type, String label, List<String> options) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field(NodeConfigFields.TITLE, "text-single", "A friendly name for the node", List.of()),
            new Field(NodeConfigFields.DESCRIPTION, "text-single", "A description of the node", List.of()),
            new Field(NodeConfigFields.TYPE, "text-single", "The type of node data, usually a namespace", List.of()),
            new Field(NodeConfigFields.NODE_TYPE, "list-single", "Whether the node is a leaf or a collection",
                    List.of("leaf")),
            new Field(NodeConfigFields.ACCESS_MODEL, "list-single", "Who may subscribe and retrieve items",
                    List.of("authorize", "open", "presence", "roster", "whitelist")),
            new Field(NodeConfigFields.PUBLISH_MODEL, "list-single", "Who may publish items",
                    List.of("publishers", "subscribers", "open")),
            new Field(NodeConfigFields.ROSTER_GROUPS, "text-multi", "Roster groups allowed to subscribe", List.of()),
            new Field(NodeConfigFields.MAX_ITEMS, "text-single", "Max number of items to persist", List.of()),
            new Field(NodeConfigFields.PERSIST_ITEMS, "boolean", "Persist items to storage", List.of()),
            new Field(NodeConfigFields.DELIVER_PAYLOADS, "boolean", "Deliver payloads with event notifications",
                    List.of()),
            new Field(NodeConfigFields.DELIVER_NOTIFICATIONS, "boolean", "Deliver event notifications", List.of()),
            new Field(NodeConfigFields.NOTIFY_RETRACT, "boolean", "Notify subscribers when items are removed",
                    List.of()),
            new Field(NodeConfigFields.NOTIFY_DELETE, "boolean", "Notify subscribers when the node is deleted",
                    List.of()),
            new Field(NodeConfigFields.NOTIFY_CONFIG, "boolean",
                    "Notify subscribers when the node configuration changes", List.of()),
            new Field(NodeConfigFields.SEND_LAST, "list-single", "When to send the last published item",
                    List.of("never", "on_sub", "on_sub_and_presence")),
            new Field(NodeConfigFields.ITEM_EXPIRE, "text-single", "Seconds after which items expire (0: never)",
                    List.of()),
            new Field(NodeConfigFields.NOTIFICATION_TYPE, "list-single", "Message type of event notifications",
                    List.of("headline", "normal")),
            new Field(NodeConfigFields.SUBSCRIBE, "boolean", "Whether to allow subscriptions", List.of()),
            new Field(NodeConfigFields.ITEM_REPLY, "list-single", "Who replies to items go to (publisher: items name it)",
                    List.of(NodeConfig.REPLY_OWNER, NodeConfig.REPLY_PUBLISHER)),
            new Field(NodeConfigFields.NOTIFY_SUB, "boolean", "Tell owners of new subscriptions and unsubscriptions",
                    List.of()),
            new Field(NodeConfigFields.PRESENCE_BASED_DELIVERY, "boolean",
                    "Send notifications only to subscribers who are online", List.of()));

    private NodeConfigForm() {
    }

    /** The form of {@code config}, as {@code type} ({@code form} to fill in, {@code result} to show). */
    public static Element of(NodeConfig config, String type) {
        Map<String, List<String>> values = NodeConfigFields.toFields(config);
        DataForm.Builder form = DataForm.builder(type, NodeConfigFields.FORM_TYPE);
        for (Field field : FIELDS) {
            form.field(field.var(), field.type(), field.label(), values.getOrDefault(field.var(), List.of()),
                    field.options());
        }
        return form.build();
    }
}
