package org.xmppd.server.module;

import org.xmppd.codec.Stanza;
import org.xmppd.codec.StanzaErrorException;

/**
 * Sees a stanza before the router delivers it and may hand on a changed copy, e.g. with a
 * XEP-0359 stanza id added. Rewriters and {@link StanzaHandler}s run together in priority order;
 * each sees what the previous one handed on.
 */
@FunctionalInterface
public interface StanzaRewriter<S extends Stanza> {
    /** The stanza to go on with ({@code stanza} itself, or a changed copy), or null when consumed. */
    S rewrite(S stanza) throws StanzaErrorException;

    /** A handler as a rewriter that hands on the stanza unchanged unless it was consumed. */
    static <S extends Stanza> StanzaRewriter<S> of(StanzaHandler<S> handler) {
        return stanza -> handler.handle(stanza) ? null : stanza;
    }
}
