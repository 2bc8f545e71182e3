/**
 * The client stream state machine (RFC 6120 §4-§7): header, features, STARTTLS, SASL, resource
 * binding, then stanzas. It talks to its connection only through {@link org.xmppd.server.stream.Transport}.
 */
package org.xmppd.server.stream;
