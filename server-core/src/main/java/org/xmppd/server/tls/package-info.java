/**
 * TLS for the listeners (RFC 6120 §5, RFC 7590, XEP-0368): the configured or self-signed server
 * certificate, the {@link javax.net.ssl.SSLContext} restricted to TLS 1.3 and 1.2, and the RFC 5929
 * {@code tls-server-end-point} channel-binding hash the SCRAM -PLUS mechanisms need.
 */
package org.xmppd.server.tls;
