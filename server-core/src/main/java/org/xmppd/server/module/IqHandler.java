package org.xmppd.server.module;

import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.StanzaErrorException;

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
}
