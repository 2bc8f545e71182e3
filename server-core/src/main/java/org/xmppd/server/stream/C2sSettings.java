package org.xmppd.server.stream;

import java.time.Duration;
import java.util.List;
import org.jxmpp.jid.DomainBareJid;
import org.xmppd.codec.StreamParsers;

/**
 * Policy of client streams on one listener.
 *
 * @param domains the served domains a client may name in {@code to}
 * @param starttlsRequired whether STARTTLS must precede authentication (RFC 6120 §5.3.1)
 * @param parsers makes the stream parsers, with the limits for stanza size and depth
 * @param handshakeTimeout how long a connection may take from connect to resource binding
 * @param pingTimeout how long a keepalive ping may go unanswered before the stream is closed
 */
public record C2sSettings(List<DomainBareJid> domains, boolean starttlsRequired, StreamParsers parsers,
        Duration handshakeTimeout, Duration pingTimeout) {
    public C2sSettings {
        domains = List.copyOf(domains);
    }
}
