/**
 * XEP-0198 stream management: stanza counts and acknowledgements both ways, the unacknowledged
 * queue, resumption of hibernated sessions, and durable delivery (a message is stored before it
 * is written to a session and forgotten when the client acknowledges it).
 */
package org.xmppd.server.stream.sm;
