/**
 * A lean XMPP client for load generation: one {@link org.xmppd.load.client.XmppClient} per TCP
 * connection, driven by MINA's NIO connector, parsing with xmppd's codec. It negotiates exactly what
 * a benchmark needs (RFC 6120 STARTTLS, SASL SCRAM-SHA-1 or PLAIN, resource binding; RFC 6121 roster
 * get and initial presence; XEP-0077 registration) and nothing more, so thousands of connections
 * fit in one small process.
 */
package org.xmppd.load.client;
