package org.xmppd.server.stream;

/**
 * Where a client stream is in its negotiation (RFC 6120 §4.3). Whether TLS protects it and who
 * authenticated are facts kept beside the state, not extra states.
 */
enum StreamState {
    /** Waiting for the initiating stream header (first, after STARTTLS, after SASL). */
    AWAIT_HEADER,
    /** Features sent, not yet authenticated: STARTTLS and SASL are possible. */
    NEGOTIATING,
    /** A SASL exchange is under way: only response and abort are valid. */
    AUTHENTICATING,
    /** Authenticated and restarted: waiting for resource binding. */
    AUTHENTICATED,
    /** A resource is bound: stanzas flow. */
    BOUND,
    /** The stream has ended; input is ignored. */
    CLOSED
}
