package org.xmppd.server.module;

import org.xmppd.codec.Stanza;
import org.xmppd.codec.StanzaErrorException;

/**
 * Sees a message or presence before the router delivers it. Handlers run in priority order
 * (highest first); one that returns {@code true} has consumed the stanza and stops delivery.
 */
@FunctionalInterface
public interface StanzaHandler<S extends Stanza> {
    boolean handle(S stanza) throws StanzaErrorException;
}
