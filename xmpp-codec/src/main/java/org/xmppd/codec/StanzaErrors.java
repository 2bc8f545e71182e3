package org.xmppd.codec;

/** Builds error replies (RFC 6120 §8.3): the request's addresses swapped, type "error". */
public final class StanzaErrors {
    private StanzaErrors() {
    }

    /** The error reply to {@code request}, with the request's payload kept as RFC 6120 §8.3.1 allows. */
    public static Element error(Element request, StanzaErrorCondition condition, String text) {
        return error(request, condition, condition.defaultType(), text);
    }

    public static Element error(Element request, StanzaErrorCondition condition, String type, String text) {
        Element.Builder reply = request.toBuilder()
                .attribute("from", request.attributeOrNull("to"))
                .attribute("to", request.attributeOrNull("from"))
                .attribute("type", "error");
        return reply.child(errorChild(condition, type, text, request.namespace())).build();
    }

    /** The {@code <error/>} child alone. */
    public static Element errorChild(StanzaErrorCondition condition, String type, String text,
            String stanzaNamespace) {
        Element.Builder error = Element.builder("error", stanzaNamespace)
                .attribute("type", type)
                .child(Element.of(condition.elementName(), Namespaces.STANZA_ERRORS));
        if (text != null) {
            error.child(Element.builder("text", Namespaces.STANZA_ERRORS)
                    .attribute("xml:lang", "en").text(text).build());
        }
        return error.build();
    }

    public static Element serviceUnavailable(Element request) {
        return error(request, StanzaErrorCondition.SERVICE_UNAVAILABLE, null);
    }

    public static Element of(Element request, StanzaErrorException cause) {
        String text = cause.getMessage().equals(cause.condition().elementName()) ? null : cause.getMessage();
        return error(request, cause.condition(), text);
    }
}
