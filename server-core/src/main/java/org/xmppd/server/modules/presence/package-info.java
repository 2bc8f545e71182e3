/**
 * RFC 6121 §4: availability presence — broadcast, probes, directed presence, priority — and
 * its record in the presence store (who is online where, XEP-0012 last activity).
 */
package org.xmppd.server.modules.presence;
