package org.xmppd.server.module;

import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.codec.StanzaErrors;

/**
 * Answers an IQ request. The dispatcher guarantees {@code iq} is a get or set with exactly one
 * payload and a {@code from}; it sends what the handler returns and turns a thrown
 * {@link StanzaErrorException} into the matching error reply.
 *
 * <p>Handlers run off the network threads, in order per sending session, so they may block
 * on storage.
 */
@FunctionalInterface
public interface IqHandler {
    /** The reply (result or error), or null when the handler replies later through the router. */
    Element handle(Iq iq) throws StanzaErrorException;

    /**
     * {@code handler}, with error replies that leave out the request's payload (RFC 6120 §8.3.1
     * allows either): clients such as Smack fail to parse an echoed payload they would never
     * send themselves, e.g. an unknown enumerated value, and drop the connection.
     */
    static IqHandler withoutPayloadOnError(IqHandler handler) {
        return iq -> {
            try {
                return handler.handle(iq);
            } catch (StanzaErrorException e) {
                return StanzaErrors.of(iq.element().toBuilder().clearChildren().build(), e);
            }
        };
    }
}
