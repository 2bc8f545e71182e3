package org.xmppd.pubsub.xml;

import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrors;
import org.xmppd.pubsub.engine.PubSubError;

/**
 * The stanza error of each {@link PubSubError} (XEP-0060 §6-§8 error cases): a defined condition
 * plus, where the XEP names one, a {@code pubsub#errors} child. The request's payload is not
 * echoed (RFC 6120 §8.3.1 leaves it optional): payloads may be large, and Smack fails on some
 * echoed namespace declarations when run with assertions.
 */
public final class ErrorReplies {
    private record Mapping(StanzaErrorCondition condition, String specific, String feature) {
    }

    private ErrorReplies() {
    }

    /** The error reply to {@code request}. */
    public static Element of(Element request, PubSubError error, String text) {
        Mapping m = mapping(error);
        Element generic = StanzaErrors.errorChild(m.condition(), m.condition().defaultType(), text,
                request.namespace());
        Element child = generic;
        if (m.specific() != null) {
            child = generic.toBuilder().clearChildren().child(generic.elements().get(0))
                    .child(Element.builder(m.specific(), Ns.ERRORS).attribute("feature", m.feature()).build())
                    .children(generic.elements().subList(1, generic.elements().size())).build();
        }
        return request.toBuilder().clearChildren()
                .attribute("from", request.attributeOrNull("to"))
                .attribute("to", request.attributeOrNull("from"))
                .attribute("type", "error")
                .child(child)
                .build();
    }

    /** A plain stanza error, for malformed requests the engine never sees. */
    public static Element of(Element request, StanzaErrorCondition condition, String text) {
        return request.toBuilder().clearChildren()
                .attribute("from", request.attributeOrNull("to"))
                .attribute("to", request.attributeOrNull("from"))
                .attribute("type", "error")
                .child(StanzaErrors.errorChild(condition, condition.defaultType(), text, request.namespace()))
                .build();
    }

    /** The error reply for a refusal thrown as an exception. */
    public static Element of(Element request, org.xmppd.codec.StanzaErrorException cause) {
        String text = cause.getMessage().equals(cause.condition().elementName()) ? null : cause.getMessage();
        return of(request, cause.condition(), text);
    }

    private static Mapping mapping(PubSubError error) {
        return switch (error) {
            case NODE_NOT_FOUND, ITEM_NOT_FOUND -> plain(StanzaErrorCondition.ITEM_NOT_FOUND);
            case NODE_EXISTS -> plain(StanzaErrorCondition.CONFLICT);
            case FORBIDDEN -> plain(StanzaErrorCondition.FORBIDDEN);
            case PRECONDITION_NOT_MET -> specific(StanzaErrorCondition.CONFLICT, "precondition-not-met");
            case INVALID_JID -> specific(StanzaErrorCondition.BAD_REQUEST, "invalid-jid");
            case PRESENCE_SUBSCRIPTION_REQUIRED -> specific(StanzaErrorCondition.NOT_AUTHORIZED,
                    "presence-subscription-required");
            case NOT_IN_ROSTER_GROUP -> specific(StanzaErrorCondition.NOT_AUTHORIZED, "not-in-roster-group");
            case CLOSED_NODE -> specific(StanzaErrorCondition.NOT_ALLOWED, "closed-node");
            case PENDING_SUBSCRIPTION -> specific(StanzaErrorCondition.NOT_AUTHORIZED, "pending-subscription");
            case NOT_SUBSCRIBED -> specific(StanzaErrorCondition.UNEXPECTED_REQUEST, "not-subscribed");
            case SUBID_REQUIRED -> specific(StanzaErrorCondition.BAD_REQUEST, "subid-required");
            case INVALID_SUBID -> specific(StanzaErrorCondition.NOT_ACCEPTABLE, "invalid-subid");
            case SUBSCRIPTIONS_CLOSED -> plain(StanzaErrorCondition.NOT_ALLOWED);
            case MAX_NODES_EXCEEDED -> specific(StanzaErrorCondition.NOT_ALLOWED, "max-nodes-exceeded");
            case INVALID_OPTIONS -> specific(StanzaErrorCondition.BAD_REQUEST, "invalid-options");
            case ITEM_FORBIDDEN -> specific(StanzaErrorCondition.BAD_REQUEST, "item-forbidden");
            case ITEM_REQUIRED, ITEM_ID_REQUIRED -> specific(StanzaErrorCondition.BAD_REQUEST, "item-required");
            case PAYLOAD_REQUIRED -> specific(StanzaErrorCondition.BAD_REQUEST, "payload-required");
            case PERSISTENCE_UNSUPPORTED -> unsupported("persistent-items");
            case COLLECTIONS_UNSUPPORTED -> unsupported("collections");
            case BAD_CONFIGURATION, NOT_ACCEPTABLE -> plain(StanzaErrorCondition.NOT_ACCEPTABLE);
        };
    }

    /** §6.5.9.2 / §6.5.9.5: refused item retrieval says not-authorized, whatever subscribing would. */
    public static Element forItems(Element request, PubSubError error, String text) {
        if (error == PubSubError.NOT_SUBSCRIBED) {
            Element reply = of(request, error, text);
            return replaceCondition(reply, StanzaErrorCondition.NOT_AUTHORIZED);
        }
        return of(request, error, text);
    }

    private static Element replaceCondition(Element reply, StanzaErrorCondition condition) {
        Element error = reply.childOrNull("error", reply.namespace());
        Element.Builder fixed = error.toBuilder().clearChildren().attribute("type", condition.defaultType())
                .child(Element.of(condition.elementName(), Namespaces.STANZA_ERRORS));
        error.elements().stream().skip(1).forEach(fixed::child);
        Element.Builder out = reply.toBuilder().clearChildren();
        reply.elements().stream().filter(e -> e != error).forEach(out::child);
        return out.child(fixed.build()).build();
    }

    private static Mapping plain(StanzaErrorCondition condition) {
        return new Mapping(condition, null, null);
    }

    private static Mapping specific(StanzaErrorCondition condition, String name) {
        return new Mapping(condition, name, null);
    }

    private static Mapping unsupported(String feature) {
        return new Mapping(StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED, "unsupported", feature);
    }
}
