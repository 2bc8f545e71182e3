/**
 * Server side of SASL authentication (RFC 4422, RFC 6120 §6): mechanisms SCRAM-SHA-1/-256 (RFC 5802,
 * RFC 7677), their -PLUS channel-binding variants (RFC 5929 {@code tls-server-end-point}) and PLAIN
 * (RFC 4616), password preparation (RFC 8265 OpaqueString) and login throttling.
 *
 * <p>Nothing here knows about sockets or XML: a {@link org.xmppd.server.sasl.SaslMechanism} turns
 * decoded client bytes into a {@link org.xmppd.server.sasl.Step}, and the stream layer turns steps into
 * {@code <challenge/>}, {@code <success/>} and {@code <failure/>} elements. Credential lookups block, so
 * callers run mechanism steps off the IO threads.
 */
package org.xmppd.server.sasl;
