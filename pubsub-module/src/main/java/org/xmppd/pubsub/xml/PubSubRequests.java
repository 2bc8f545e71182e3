package org.xmppd.pubsub.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jxmpp.jid.Jid;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.pubsub.engine.Affiliation;
import org.xmppd.pubsub.engine.Item;
import org.xmppd.pubsub.engine.PubSubService;
import org.xmppd.pubsub.engine.Result;
import org.xmppd.pubsub.engine.Subscription;

/**
 * The entity use cases of XEP-0060 (§5-§7), {@code <pubsub xmlns='http://jabber.org/protocol/pubsub'>}:
 * create, publish, retract, subscribe, unsubscribe, options, items, subscriptions, affiliations.
 * <pre>
 * C: &lt;iq type='set' to='pubsub.example.org' id='p1'&gt;&lt;pubsub xmlns='http://jabber.org/protocol/pubsub'&gt;
 *      &lt;publish node='news'&gt;&lt;item&gt;&lt;entry xmlns='http://www.w3.org/2005/Atom'&gt;...&lt;/entry&gt;&lt;/item&gt;&lt;/publish&gt;
 *    &lt;/pubsub&gt;&lt;/iq&gt;
 * S: &lt;iq type='result' id='p1'&gt;&lt;pubsub ...&gt;&lt;publish node='news'&gt;&lt;item id='5f3c...'/&gt;&lt;/publish&gt;&lt;/pubsub&gt;&lt;/iq&gt;
 * </pre>
 */
public final class PubSubRequests {
    private final PublishRequests publishing = new PublishRequests();

    /** Answers {@code iq} (a get or set with a {@code <pubsub/>} payload) against {@code service}. */
    public Outcome handle(PubSubService service, Iq iq) throws StanzaErrorException {
        Element pubsub = iq.payload().orElseThrow();
        List<Element> children = pubsub.elements();
        if (children.isEmpty()) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "An empty pubsub request");
        }
        Element action = children.get(0);
        Jid actor = iq.from();
        boolean set = "set".equals(iq.type());
        return switch (action.name() + (set ? " set" : " get")) {
            case "create set" -> create(service, iq, actor, action, pubsub);
            case "publish set" -> publishing.publish(service, iq, actor, action, pubsub);
            case "retract set" -> publishing.retract(service, iq, actor, action);
            case "items get" -> publishing.items(service, iq, actor, action);
            case "subscribe set" -> subscribe(service, iq, actor, action, pubsub);
            case "unsubscribe set" -> Requests.empty(iq, service.unsubscribe(actor, Requests.required(action, "node"),
                    subscriber(action, actor), action.attributeOrNull("subid")));
            case "options get" -> options(service, iq, actor, action);
            case "options set" -> setOptions(service, iq, actor, action);
            case "subscriptions get" -> subscriptions(service, iq, actor, action);
            case "affiliations get" -> affiliations(service, iq, actor, action);
            case "default get" -> Outcome.of(iq.result(Requests.pubsub(Ns.PUBSUB, List.of(Element.builder(
                    "default", Ns.PUBSUB).child(SubscriptionOptionsForm.of(Map.of(), "form")).build()))));
            default -> throw new StanzaErrorException(StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED,
                    "Not a supported pubsub request: " + action.name());
        };
    }

    /** §8.1: {@code <create node='x'/>}, maybe with {@code <configure><x type='submit'/></configure>}. */
    private static Outcome create(PubSubService service, Iq iq, Jid actor, Element create, Element pubsub) {
        Element configure = pubsub.childOrNull("configure", Ns.PUBSUB);
        Map<String, List<String>> config = DataForm.in(configure)
                .filter(f -> !f.type().equals("cancel")).map(DataForm::fields).orElse(null);
        Result<String> result = service.create(actor, create.attributeOrNull("node"), config);
        return Requests.reply(iq, result, node -> Requests.pubsub(Ns.PUBSUB,
                List.of(Element.builder("create", Ns.PUBSUB).attribute("node", node).build())));
    }

    /** §6.1: {@code <subscribe node='x' jid='me'/>}, maybe with {@code <options>} (§6.3.7). */
    private static Outcome subscribe(PubSubService service, Iq iq, Jid actor, Element subscribe, Element pubsub)
            throws StanzaErrorException {
        String node = Requests.required(subscribe, "node");
        Jid subscriber = Requests.jid(subscribe, "jid");
        if (subscriber == null) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "<subscribe/> needs a 'jid'");
        }
        Map<String, String> options = DataForm.in(pubsub.childOrNull("options", Ns.PUBSUB))
                .map(DataForm::singleValues).orElse(Map.of());
        Result<Subscription> result = service.subscribe(actor, node, subscriber, options);
        return Requests.reply(iq, result, s -> Requests.pubsub(Ns.PUBSUB, List.of(subscription(s, true))));
    }

    private static Outcome options(PubSubService service, Iq iq, Jid actor, Element options)
            throws StanzaErrorException {
        String node = Requests.required(options, "node");
        Result<Subscription> result = service.subscription(actor, node, subscriber(options, actor),
                options.attributeOrNull("subid"));
        return Requests.reply(iq, result, s -> Requests.pubsub(Ns.PUBSUB, List.of(Element.builder("options", Ns.PUBSUB)
                .attribute("node", node).attribute("jid", s.jid().toString()).attribute("subid", s.subid())
                .child(SubscriptionOptionsForm.of(s.options(), "form")).build())));
    }

    private static Outcome setOptions(PubSubService service, Iq iq, Jid actor, Element options)
            throws StanzaErrorException {
        String node = Requests.required(options, "node");
        DataForm form = DataForm.in(options).orElseThrow(() -> new StanzaErrorException(
                StanzaErrorCondition.BAD_REQUEST, "The options need a submitted form"));
        return Requests.empty(iq, service.setOptions(actor, node, subscriber(options, actor),
                options.attributeOrNull("subid"), form.singleValues()));
    }

    /** §5.6: the requester's subscriptions. */
    private static Outcome subscriptions(PubSubService service, Iq iq, Jid actor, Element request) {
        Result<List<Subscription>> result = service.subscriptionsOf(actor, request.attributeOrNull("node"));
        return Requests.reply(iq, result, list -> {
            Element.Builder subscriptions = Element.builder("subscriptions", Ns.PUBSUB)
                    .attribute("node", request.attributeOrNull("node"));
            list.forEach(s -> subscriptions.child(subscription(s, true)));
            return Requests.pubsub(Ns.PUBSUB, List.of(subscriptions.build()));
        });
    }

    /** §5.7: the requester's affiliations. */
    private static Outcome affiliations(PubSubService service, Iq iq, Jid actor, Element request) {
        Result<Map<String, Affiliation>> result = service.affiliationsOf(actor, request.attributeOrNull("node"));
        return Requests.reply(iq, result, map -> {
            Element.Builder affiliations = Element.builder("affiliations", Ns.PUBSUB)
                    .attribute("node", request.attributeOrNull("node"));
            map.forEach((node, a) -> affiliations.child(Element.builder("affiliation", Ns.PUBSUB)
                    .attribute("node", node).attribute("affiliation", a.value()).build()));
            return Requests.pubsub(Ns.PUBSUB, List.of(affiliations.build()));
        });
    }

    /** A {@code <subscription/>} element, with its node when {@code withNode}. */
    static Element subscription(Subscription s, boolean withNode) {
        return Element.builder("subscription", Ns.PUBSUB).attribute("node", withNode ? s.node() : null)
                .attribute("jid", s.jid().toString()).attribute("subid", s.subid())
                .attribute("subscription", s.state().value()).build();
    }

    private static Jid subscriber(Element element, Jid actor) throws StanzaErrorException {
        Jid jid = Requests.jid(element, "jid");
        return jid == null ? actor : jid;
    }

    /** The items of a result, each with its payload parsed back and, when asked, its publisher. */
    static List<Element> itemElements(List<Item> items, boolean withPublisher) {
        List<Element> elements = new ArrayList<>(items.size());
        for (Item item : items) {
            elements.add(Payloads.item(item, true, withPublisher));
        }
        return elements;
    }
}
