package org.xmppd.server.module;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppd.codec.Stanza;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.storage.StorageException;

/**
 * Keeps a storage outage from ending streams: a hook whose store fails turns the failure into
 * an {@code internal-server-error} for the sender (RFC 6120 §8.3.3.6) and a log line, and the
 * session carries on. IQ handlers need no guard: the dispatcher already does this for them.
 */
public final class StorageGuard {
    private static final Logger LOG = LoggerFactory.getLogger(StorageGuard.class);

    /** What the sender is told: the backend's address stays in the log, not on the wire. */
    public static final String UNAVAILABLE_TEXT = "The server's storage is unavailable; try again later";

    private StorageGuard() {
    }

    /** The stanza error for a request that failed because a store is unreachable. */
    public static StanzaErrorException unavailable() {
        return new StanzaErrorException(StanzaErrorCondition.INTERNAL_SERVER_ERROR, UNAVAILABLE_TEXT);
    }

    public static <S extends Stanza> StanzaHandler<S> of(String module, StanzaHandler<S> handler) {
        return stanza -> {
            try {
                return handler.handle(stanza);
            } catch (StorageException e) {
                LOG.warn("module {}: storage failed on {}", module, stanza, e);
                throw unavailable();
            }
        };
    }
}
