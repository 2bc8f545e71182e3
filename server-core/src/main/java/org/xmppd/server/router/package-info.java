/** Routing of stanzas per RFC 6120 §10 and RFC 6121 §8: sessions, server, errors. */
package org.xmppd.server.router;
