package org.xmppd.server.session;

import org.jxmpp.jid.EntityFullJid;
import org.xmppd.codec.Element;
import org.xmppd.codec.Presence;
import org.xmppd.codec.StreamErrorCondition;

/** A bound client resource, as the router sees it: no sockets, no stream state. */
public interface ClientSession {
    EntityFullJid jid();

    /** Sends a stanza to the client; thread-safe, never blocks. */
    void deliver(Element stanza);

    /**
     * Sends this session's copy of a stanza shared by many recipients (a room message to every
     * occupant), addressed to {@link #jid()}; thread-safe, never blocks. Sessions writing XML
     * to a stream write the shared bytes; the default builds the element.
     */
    default void deliver(SharedStanza stanza) {
        deliver(stanza.element(jid()));
    }

    /** The last presence broadcast by the client (no {@code to}), or null before the first. */
    Presence presence();

    /** True after an available presence without a later unavailable one (RFC 6121 §4.2). */
    default boolean isAvailable() {
        Presence presence = presence();
        return presence != null && presence.isAvailable();
    }

    /**
     * True while a connection carries the session; false while it waits for the client to resume
     * it (XEP-0198 §5, still registered and available, queueing what it is sent) and while it ends.
     */
    default boolean isConnected() {
        return true;
    }

    /** What features remember about this session; empty when it starts, gone when it ends. */
    SessionAttributes attributes();

    /** Ends the stream with a stream error, e.g. {@code conflict} when replaced. */
    void close(StreamErrorCondition condition, String text);
}
