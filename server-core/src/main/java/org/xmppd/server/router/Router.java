package org.xmppd.server.router;

import org.xmppd.codec.Element;

/** Delivers stanzas: to local sessions, the server itself, or answers with the right error. */
public interface Router {
    /**
     * Routes a stanza whose {@code from} is set and trusted (stamped by the sending stream or
     * built by the server). Never throws for an undeliverable stanza: the sender gets the error.
     */
    void route(Element stanza);
}
