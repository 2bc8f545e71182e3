package org.xmppd.pubsub.xml;

import java.util.List;
import java.util.function.Function;

import org.jxmpp.jid.Jid;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.Jids;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.pubsub.engine.Result;

/** What the request handlers share: reading attributes and turning results into replies. */
final class Requests {
    private Requests() {
    }

    /** A required attribute, or bad-request. */
    static String required(Element element, String attribute) throws StanzaErrorException {
        String value = element.attributeOrNull(attribute);
        if (value == null || value.isEmpty()) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST,
                    "<" + element.name() + "/> needs a '" + attribute + "' attribute");
        }
        return value;
    }

    /** A JID attribute, or jid-malformed; null when absent. */
    static Jid jid(Element element, String attribute) throws StanzaErrorException {
        return Jids.parseOrNull(element.attributeOrNull(attribute));
    }

    /** The result made by {@code success}, or the error reply of a refusal. */
    static <T> Outcome reply(Iq iq, Result<T> result, Function<T, Element> success) {
        if (result instanceof Result.Failed<T> failed) {
            return Outcome.of(ErrorReplies.of(iq.element(), failed.error(), failed.text()));
        }
        return new Outcome(iq.result(success.apply(result.value())), result.notifications());
    }

    /** An empty result, or the error reply of a refusal. */
    static <T> Outcome empty(Iq iq, Result<T> result) {
        return reply(iq, result, value -> null);
    }

    /** A {@code <pubsub/>} in {@code namespace} holding {@code children}. */
    static Element pubsub(String namespace, List<Element> children) {
        return Element.builder("pubsub", namespace).children(children).build();
    }
}
