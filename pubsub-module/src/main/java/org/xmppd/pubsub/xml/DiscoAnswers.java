package org.xmppd.pubsub.xml;

import java.util.List;
import java.util.Optional;

import org.jxmpp.jid.Jid;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.pubsub.engine.Item;
import org.xmppd.pubsub.engine.NodeSnapshot;
import org.xmppd.pubsub.engine.PubSubService;
import org.xmppd.pubsub.engine.Result;

/**
 * XEP-0030 answers about a pubsub service and its nodes (XEP-0060 §5.1-§5.5): the service's
 * identity and features, its nodes as items, a node's identity and meta-data, a node's items.
 */
public final class DiscoAnswers {
    private DiscoAnswers() {
    }

    /** §5.1: {@code <identity category='pubsub' type='service'/>} and the features. */
    public static Element serviceInfo(Iq iq, String name, List<String> features) {
        Element.Builder query = Element.builder("query", Ns.DISCO_INFO)
                .child(Element.builder("identity", Ns.DISCO_INFO).attribute("category", "pubsub")
                        .attribute("type", "service").attribute("name", name).build());
        features.forEach(f -> query.child(feature(f)));
        query.child(feature(Ns.DISCO_INFO)).child(feature(Ns.DISCO_ITEMS));
        return iq.result(query.build());
    }

    /**
     * §5.4: a leaf node's identity and meta-data, or empty when there is no such node. Told to
     * anyone who asks: clients learn a node is a leaf this way before they may read it.
     */
    public static Optional<Element> nodeInfo(Iq iq, PubSubService service, String node) {
        Optional<NodeSnapshot> snapshot = service.node(node);
        return snapshot.map(n -> iq.result(Element.builder("query", Ns.DISCO_INFO).attribute("node", node)
                .child(Element.builder("identity", Ns.DISCO_INFO).attribute("category", "pubsub")
                        .attribute("type", "leaf").build())
                .child(feature(Ns.PUBSUB))
                .child(metaData(n))
                .build()));
    }

    private static Element metaData(NodeSnapshot node) {
        DataForm.Builder form = DataForm.builder("result", Ns.META_DATA);
        form.field("pubsub#type", null, null, optional(node.config().payloadType()), List.of());
        form.field("pubsub#title", null, null, optional(node.config().title()), List.of());
        form.field("pubsub#description", null, null, optional(node.config().description()), List.of());
        form.field("pubsub#access_model", null, null, List.of(node.config().accessModel().value()), List.of());
        form.field("pubsub#owner", "jid-multi", null, node.owners().stream().map(Object::toString).toList(),
                List.of());
        return form.build();
    }

    /** §5.2: the nodes {@code actor} may see, as items of the service. */
    public static Element nodeItems(Iq iq, PubSubService service, Jid actor) {
        Element.Builder query = Element.builder("query", Ns.DISCO_ITEMS);
        for (String node : service.visibleNodes(actor)) {
            query.child(Element.builder("item", Ns.DISCO_ITEMS).attribute("jid", service.jid().toString())
                    .attribute("node", node).build());
        }
        return iq.result(query.build());
    }

    /** §5.5: the ItemIDs of a node as items, or the refusal. */
    public static Result<List<Item>> items(PubSubService service, String node, Jid actor) {
        return service.items(actor, node, List.of(), 0);
    }

    /** §5.5: the disco#items answer listing {@code items}. */
    public static Element itemList(Iq iq, PubSubService service, String node, List<Item> items) {
        Element.Builder query = Element.builder("query", Ns.DISCO_ITEMS).attribute("node", node);
        for (Item item : items) {
            query.child(Element.builder("item", Ns.DISCO_ITEMS).attribute("jid", service.jid().toString())
                    .attribute("name", item.id()).build());
        }
        return iq.result(query.build());
    }

    private static Element feature(String var) {
        return Element.builder("feature", Ns.DISCO_INFO).attribute("var", var).build();
    }

    private static List<String> optional(String value) {
        return value == null ? List.of() : List.of(value);
    }
}
