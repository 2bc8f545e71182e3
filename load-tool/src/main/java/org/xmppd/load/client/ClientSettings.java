package org.xmppd.load.client;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * What every connection of a run shares.
 *
 * @param server the address to connect to
 * @param domain the XMPP domain, the {@code to} of the stream header (RFC 6120 §4.7.2)
 * @param security STARTTLS or plaintext
 * @param mechanism the SASL mechanism to use
 * @param timeout how long a connection may take to reach its goal (logged in, registered)
 */
public record ClientSettings(InetSocketAddress server, String domain, Security security, Mechanism mechanism,
        Duration timeout) {
    public ClientSettings {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(timeout, "timeout");
    }
}
