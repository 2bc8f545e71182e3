package org.xmppd.server.component;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import org.jxmpp.jid.DomainBareJid;
import org.xmppd.codec.ParserLimits;
import org.xmppd.server.router.Router;

/**
 * What every component stream shares.
 *
 * @param routing          the configured domains, their secrets and connected streams
 * @param router           where the components' stanzas go
 * @param server           the server's own address, sender of its keepalive pings
 * @param limits           parser limits for stanza size and depth
 * @param handshakeTimeout how long a connection may take from connect to a good handshake
 * @param pingTimeout      how long a keepalive ping may go unanswered before the stream is closed
 */
public record ComponentServices(ComponentRouting routing, Router router, DomainBareJid server,
        ScheduledExecutorService scheduler, SecureRandom random, ParserLimits limits, Duration handshakeTimeout,
        Duration pingTimeout) {
}
