package org.xmppd.pubsub.service;

import java.util.List;
import java.util.Map;

import org.jxmpp.jid.Jid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.Jids;
import org.xmppd.codec.Message;
import org.xmppd.codec.Stanza;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.pubsub.Delivery;
import org.xmppd.pubsub.engine.Item;
import org.xmppd.pubsub.engine.PubSubService;
import org.xmppd.pubsub.engine.Result;
import org.xmppd.pubsub.xml.DataForm;
import org.xmppd.pubsub.xml.DiscoAnswers;
import org.xmppd.pubsub.xml.ErrorReplies;
import org.xmppd.pubsub.xml.Features;
import org.xmppd.pubsub.xml.Ns;
import org.xmppd.pubsub.xml.Outcome;
import org.xmppd.pubsub.xml.OwnerRequests;
import org.xmppd.pubsub.xml.PubSubRequests;
import org.xmppd.server.module.ServiceHandler;
import org.xmppd.storage.StorageException;

/**
 * Everything addressed to one pubsub domain: disco (XEP-0060 §5), the entity and owner requests
 * (§6-§8), and owners' answers to subscription authorization forms (§8.6.2). Presence and other
 * messages are ignored; requests to JIDs under the domain get service-unavailable.
 */
public final class ServiceEndpoint implements ServiceHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceEndpoint.class);

    private final PubSubService service;
    private final String name;
    private final Delivery delivery;
    private final PubSubRequests requests = new PubSubRequests();
    private final OwnerRequests ownerRequests = new OwnerRequests();

    public ServiceEndpoint(PubSubService service, String name, Delivery delivery) {
        this.service = service;
        this.name = name;
        this.delivery = delivery;
    }

    @Override
    public void handle(Stanza stanza) throws StanzaErrorException {
        try {
            if (stanza instanceof Iq iq) {
                if (iq.isRequest()) {
                    delivery.send(answerOrError(iq));
                }
            } else if (stanza instanceof Message message && !message.isError()) {
                authorization(message);
            }
        } catch (StorageException e) {
            LOG.warn("pubsub: storage failed on {}", stanza, e);
            throw new StanzaErrorException(StanzaErrorCondition.INTERNAL_SERVER_ERROR,
                    "The server's storage is unavailable; try again later");
        }
    }

    private Outcome answerOrError(Iq iq) {
        try {
            return answer(iq);
        } catch (StanzaErrorException e) {
            return Outcome.of(ErrorReplies.of(iq.element(), e));
        }
    }

    private Outcome answer(Iq iq) throws StanzaErrorException {
        if (iq.to() == null || !iq.to().equals(service.jid()) || iq.element().elements().size() != 1) {
            throw new StanzaErrorException(StanzaErrorCondition.SERVICE_UNAVAILABLE, null);
        }
        Element payload = iq.payload().orElseThrow();
        Jid actor = iq.from();
        String node = payload.attributeOrNull("node");
        switch (payload.namespace()) {
            case Ns.PUBSUB:
                return requests.handle(service, iq);
            case Ns.OWNER:
                return ownerRequests.handle(service, iq);
            case Ns.DISCO_INFO:
                requireGet(iq);
                if (node == null) {
                    return Outcome.of(DiscoAnswers.serviceInfo(iq, name, Features.service()));
                }
                return Outcome.of(DiscoAnswers.nodeInfo(iq, service, node).orElseThrow(
                        () -> new StanzaErrorException(StanzaErrorCondition.ITEM_NOT_FOUND, "No node " + node)));
            case Ns.DISCO_ITEMS:
                requireGet(iq);
                if (node == null) {
                    return Outcome.of(DiscoAnswers.nodeItems(iq, service, actor));
                }
                Result<List<Item>> items = DiscoAnswers.items(service, node, actor);
                if (items instanceof Result.Failed<List<Item>> failed) {
                    return Outcome.of(ErrorReplies.of(iq.element(), failed.error(), failed.text()));
                }
                return Outcome.of(DiscoAnswers.itemList(iq, service, node, items.value()));
            default:
                throw new StanzaErrorException(StanzaErrorCondition.SERVICE_UNAVAILABLE, null);
        }
    }

    private static void requireGet(Iq iq) throws StanzaErrorException {
        if (!"get".equals(iq.type())) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Disco requests are gets");
        }
    }

    /**
     * §8.6.2: an owner submits the authorization form; {@code pubsub#allow} approves or denies.
     * <pre>
     * &lt;message to='pubsub.example.org'&gt;&lt;x xmlns='jabber:x:data' type='submit'&gt;
     *   &lt;field var='FORM_TYPE'&gt;&lt;value&gt;http://jabber.org/protocol/pubsub#subscribe_authorization&lt;/value&gt;&lt;/field&gt;
     *   &lt;field var='pubsub#node'&gt;...&lt;field var='pubsub#subscriber_jid'&gt;...&lt;field var='pubsub#allow'&gt;&lt;value&gt;true&lt;/value&gt;...
     * </pre>
     */
    private void authorization(Message message) throws StanzaErrorException {
        DataForm form = DataForm.in(message.element()).orElse(null);
        if (form == null || !Ns.SUBSCRIBE_AUTHORIZATION.equals(form.formType()) || !form.type().equals("submit")) {
            return;
        }
        Map<String, String> values = form.singleValues();
        Jid subscriber = Jids.parseOrNull(values.get("pubsub#subscriber_jid"));
        String node = values.get("pubsub#node");
        if (subscriber == null || node == null) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "The form names no node or subscriber");
        }
        boolean allow = "1".equals(values.get("pubsub#allow")) || "true".equals(values.get("pubsub#allow"));
        Result<Void> result = service.authorize(message.from(), node, subscriber, values.get("pubsub#subid"), allow);
        if (result instanceof Result.Failed<Void> failed) {
            delivery.send(Outcome.of(ErrorReplies.of(message.element(), failed.error(), failed.text())));
            return;
        }
        result.notifications().forEach(delivery::send);
    }
}
