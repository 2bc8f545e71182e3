package org.xmppd.pubsub.xml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.pubsub.engine.Affiliation;
import org.xmppd.pubsub.engine.NodeConfig;
import org.xmppd.pubsub.engine.PubSubService;
import org.xmppd.pubsub.engine.Result;
import org.xmppd.pubsub.engine.Subscription;
import org.xmppd.pubsub.engine.SubscriptionState;

/**
 * The owner use cases of XEP-0060 (§8), {@code <pubsub xmlns='http://jabber.org/protocol/pubsub#owner'>}:
 * configure, default, delete, purge, subscriptions and affiliations.
 * <pre>
 * C: &lt;iq type='set' to='pubsub.example.org' id='d1'&gt;&lt;pubsub xmlns='http://jabber.org/protocol/pubsub#owner'&gt;
 *      &lt;delete node='news'&gt;&lt;redirect uri='xmpp:pubsub.example.org?;node=news2'/&gt;&lt;/delete&gt;&lt;/pubsub&gt;&lt;/iq&gt;
 * S: &lt;iq type='result' id='d1'/&gt;
 * </pre>
 */
public final class OwnerRequests {
    /** Answers {@code iq} (a get or set with a {@code <pubsub/>} payload in the owner namespace). */
    public Outcome handle(PubSubService service, Iq iq) throws StanzaErrorException {
        List<Element> children = iq.payload().orElseThrow().elements();
        if (children.isEmpty()) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "An empty pubsub#owner request");
        }
        Element action = children.get(0);
        Jid actor = iq.from();
        boolean set = "set".equals(iq.type());
        return switch (action.name() + (set ? " set" : " get")) {
            case "configure get" -> configuration(service, iq, actor, Requests.required(action, "node"));
            case "configure set" -> configure(service, iq, actor, action);
            case "default get" -> Outcome.of(iq.result(Requests.pubsub(Ns.OWNER, List.of(Element.builder("default",
                    Ns.OWNER).child(NodeConfigForm.of(service.defaultConfig(), "form")).build()))));
            case "delete set" -> {
                Element redirect = action.childOrNull("redirect", Ns.OWNER);
                yield Requests.empty(iq, service.delete(actor, Requests.required(action, "node"),
                        redirect == null ? null : redirect.attributeOrNull("uri")));
            }
            case "purge set" -> Requests.empty(iq, service.purge(actor, Requests.required(action, "node")));
            case "subscriptions get" -> subscriptions(service, iq, actor, Requests.required(action, "node"));
            case "subscriptions set" -> setSubscriptions(service, iq, actor, action);
            case "affiliations get" -> affiliations(service, iq, actor, Requests.required(action, "node"));
            case "affiliations set" -> setAffiliations(service, iq, actor, action);
            default -> throw new StanzaErrorException(StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED,
                    "Not a supported pubsub#owner request: " + action.name());
        };
    }

    private static Outcome configuration(PubSubService service, Iq iq, Jid actor, String node) {
        Result<NodeConfig> result = service.configuration(actor, node);
        return Requests.reply(iq, result, config -> Requests.pubsub(Ns.OWNER, List.of(Element.builder("configure",
                Ns.OWNER).attribute("node", node).child(NodeConfigForm.of(config, "form")).build())));
    }

    /** §8.2.3: a submitted form configures; a cancelled one changes nothing (§8.2.3.3). */
    private static Outcome configure(PubSubService service, Iq iq, Jid actor, Element configure)
            throws StanzaErrorException {
        String node = Requests.required(configure, "node");
        DataForm form = DataForm.in(configure).orElseThrow(() -> new StanzaErrorException(
                StanzaErrorCondition.BAD_REQUEST, "Configure with a data form"));
        if (form.type().equals("cancel")) {
            return Requests.empty(iq, service.configuration(actor, node));
        }
        return Requests.empty(iq, service.configure(actor, node, form.fields()));
    }

    private static Outcome subscriptions(PubSubService service, Iq iq, Jid actor, String node) {
        Result<List<Subscription>> result = service.subscriptions(actor, node);
        return Requests.reply(iq, result, list -> {
            Element.Builder subscriptions = Element.builder("subscriptions", Ns.OWNER).attribute("node", node);
            list.forEach(s -> subscriptions.child(Element.builder("subscription", Ns.OWNER)
                    .attribute("jid", s.jid().toString()).attribute("subscription", s.state().value())
                    .attribute("subid", s.subid()).build()));
            return Requests.pubsub(Ns.OWNER, List.of(subscriptions.build()));
        });
    }

    /** §8.8.2: {@code <subscription jid='x' subscription='subscribed|none|pending' subid='y'/>} entries. */
    private static Outcome setSubscriptions(PubSubService service, Iq iq, Jid actor, Element request)
            throws StanzaErrorException {
        String node = Requests.required(request, "node");
        List<Subscription> changes = new ArrayList<>();
        for (Element entry : request.elements()) {
            // COMPAT: Smack writes these in the pubsub namespace; the name is what counts.
            if (!entry.name().equals("subscription")) {
                continue;
            }
            Jid jid = Requests.jid(entry, "jid");
            SubscriptionState state = SubscriptionState.fromValue(Requests.required(entry, "subscription"))
                    .orElseThrow(() -> new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST,
                            "Not a subscription state: " + entry.attributeOrNull("subscription")));
            if (jid == null) {
                throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "A subscription names its jid");
            }
            String subid = entry.attributeOrNull("subid");
            changes.add(new Subscription(node, jid, subid == null ? "" : subid, state, Map.of()));
        }
        return Requests.empty(iq, service.setSubscriptions(actor, node, changes));
    }

    private static Outcome affiliations(PubSubService service, Iq iq, Jid actor, String node) {
        Result<Map<BareJid, Affiliation>> result = service.affiliations(actor, node);
        return Requests.reply(iq, result, map -> {
            Element.Builder affiliations = Element.builder("affiliations", Ns.OWNER).attribute("node", node);
            map.forEach((jid, a) -> affiliations.child(Element.builder("affiliation", Ns.OWNER)
                    .attribute("jid", jid.toString()).attribute("affiliation", a.value()).build()));
            return Requests.pubsub(Ns.OWNER, List.of(affiliations.build()));
        });
    }

    /** §8.9.2: {@code <affiliation jid='x' affiliation='publisher'/>} entries; none removes one. */
    private static Outcome setAffiliations(PubSubService service, Iq iq, Jid actor, Element request)
            throws StanzaErrorException {
        String node = Requests.required(request, "node");
        Map<BareJid, Affiliation> changes = new LinkedHashMap<>();
        for (Element entry : request.elements()) {
            if (!entry.name().equals("affiliation")) {
                continue;
            }
            Jid jid = Requests.jid(entry, "jid");
            Affiliation affiliation = Affiliation.fromValue(Requests.required(entry, "affiliation"))
                    .orElseThrow(() -> new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST,
                            "Not an affiliation: " + entry.attributeOrNull("affiliation")));
            if (jid == null) {
                throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "An affiliation names its jid");
            }
            changes.put(jid.asBareJid(), affiliation);
        }
        return Requests.empty(iq, service.setAffiliations(actor, node, changes));
    }
}
