package org.xmppd.pubsub.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jxmpp.jid.Jid;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.pubsub.engine.Item;
import org.xmppd.pubsub.engine.PubSubService;
import org.xmppd.pubsub.engine.Result;

/** Publishing, retracting and retrieving items (XEP-0060 §6.5, §7.1, §7.2; XEP-0223 publish-options). */
final class PublishRequests {
    /** §7.1: {@code <publish node='x'><item id='y'>payload</item></publish>} and {@code <publish-options/>}. */
    Outcome publish(PubSubService service, Iq iq, Jid actor, Element publish, Element pubsub)
            throws StanzaErrorException {
        String node = publish.attributeOrNull("node");
        if (node == null || node.isEmpty()) {
            return Outcome.of(specific(iq, StanzaErrorCondition.BAD_REQUEST, "nodeid-required"));
        }
        List<Element> items = publish.elements().stream().filter(e -> e.is("item", Ns.PUBSUB)).toList();
        if (items.size() > 1) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Publish one item at a time");
        }
        Element item = items.isEmpty() ? null : items.get(0);
        String payload;
        try {
            payload = item == null ? "" : Payloads.of(item);
        } catch (StanzaErrorException e) {
            return Outcome.of(specific(iq, StanzaErrorCondition.BAD_REQUEST, "invalid-payload"));
        }
        Map<String, List<String>> options = DataForm.in(pubsub.childOrNull("publish-options", Ns.PUBSUB))
                .filter(f -> !f.type().equals("cancel")).map(DataForm::fields).orElse(null);
        Result<String> result = service.publish(actor, node, item == null ? null : item.attributeOrNull("id"),
                payload, item != null, options);
        return Requests.reply(iq, result, id -> {
            Element.Builder published = Element.builder("publish", Ns.PUBSUB).attribute("node", node);
            if (id != null) {
                published.child(Element.builder("item", Ns.PUBSUB).attribute("id", id).build());
            }
            return Requests.pubsub(Ns.PUBSUB, List.of(published.build()));
        });
    }

    /** §7.2: {@code <retract node='x' notify='true'><item id='y'/></retract>}. */
    Outcome retract(PubSubService service, Iq iq, Jid actor, Element retract) throws StanzaErrorException {
        String node = retract.attributeOrNull("node");
        if (node == null || node.isEmpty()) {
            return Outcome.of(specific(iq, StanzaErrorCondition.BAD_REQUEST, "nodeid-required"));
        }
        String notify = retract.attributeOrNull("notify");
        boolean wanted = "true".equals(notify) || "1".equals(notify);
        Element item = retract.childOrNull("item", Ns.PUBSUB);
        return Requests.empty(iq, service.retract(actor, node, item == null ? null : item.attributeOrNull("id"),
                wanted));
    }

    /** §6.5: {@code <items node='x' max_items='2'/>} or with {@code <item id='y'/>} children. */
    Outcome items(PubSubService service, Iq iq, Jid actor, Element request) throws StanzaErrorException {
        String node = request.attributeOrNull("node");
        if (node == null || node.isEmpty()) {
            return Outcome.of(specific(iq, StanzaErrorCondition.BAD_REQUEST, "nodeid-required"));
        }
        List<String> ids = new ArrayList<>();
        for (Element item : request.elements()) {
            if (item.is("item", Ns.PUBSUB) && item.attributeOrNull("id") != null) {
                ids.add(item.attributeOrNull("id"));
            }
        }
        Result<List<Item>> result = service.items(actor, node, ids, maxItems(request));
        if (result instanceof Result.Failed<List<Item>> failed) {
            return Outcome.of(ErrorReplies.forItems(iq.element(), failed.error(), failed.text()));
        }
        boolean withPublisher = service.node(node).map(n -> n.config().namesPublisher()).orElse(false);
        return Outcome.of(iq.result(Requests.pubsub(Ns.PUBSUB, List.of(Element.builder("items", Ns.PUBSUB)
                .attribute("node", node).children(PubSubRequests.itemElements(result.value(), withPublisher))
                .build()))));
    }

    private static int maxItems(Element request) throws StanzaErrorException {
        String max = request.attributeOrNull("max_items");
        if (max == null) {
            return 0;
        }
        try {
            int parsed = Integer.parseInt(max);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "max_items is not a number: " + max);
        }
        throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "max_items must be positive: " + max);
    }

    /** A defined condition with a {@code pubsub#errors} child. */
    static Element specific(Iq iq, StanzaErrorCondition condition, String specific) {
        Element reply = ErrorReplies.of(iq.element(), condition, null);
        Element error = reply.childOrNull("error", reply.namespace());
        Element withSpecific = error.toBuilder().child(Element.of(specific, Ns.ERRORS)).build();
        Element.Builder out = reply.toBuilder().clearChildren();
        reply.elements().stream().filter(e -> e != error).forEach(out::child);
        return out.child(withSpecific).build();
    }
}
