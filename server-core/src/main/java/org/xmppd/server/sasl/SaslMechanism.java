package org.xmppd.server.sasl;

/**
 * One server-side SASL negotiation (RFC 4422 §3). An instance serves exactly one exchange and is not
 * thread-safe; the caller feeds it the client's decoded bytes in order. Steps may block on the
 * {@link CredentialLookup}, so they must not run on an IO thread.
 */
public interface SaslMechanism {

    /** The registered mechanism name, e.g. {@code SCRAM-SHA-256-PLUS}. */
    String name();

    /**
     * Starts the exchange with the client's initial response from {@code <auth/>}, or null when the
     * client sent none (then the server answers with an empty challenge, RFC 6120 §6.4.2).
     */
    Step start(byte[] initialResponseOrNull);

    /** Handles the decoded content of a {@code <response/>} element. */
    Step respond(byte[] response);
}
