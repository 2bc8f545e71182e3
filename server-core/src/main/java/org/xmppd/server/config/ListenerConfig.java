package org.xmppd.server.config;

/**
 * One client-to-server listener, YAML sections {@code listeners.c2s} and
 * {@code listeners.c2s_direct_tls}.
 *
 * @param enabled          whether the listener is bound at all
 * @param address          the local address to bind; {@code 0.0.0.0} means every IPv4 interface,
 *                         {@code ::} every interface
 * @param port             the TCP port, 0..65535; 0 binds any free port (used by tests, the
 *                         bound port is then reported by the server)
 * @param starttlsRequired whether a client must negotiate STARTTLS before authenticating
 *                         (RFC 6120 §5.3.1, "mandatory-to-negotiate"); ignored by the direct TLS
 *                         listener, which is encrypted from the first byte (XEP-0368)
 */
public record ListenerConfig(boolean enabled, String address, int port, boolean starttlsRequired) {
    /** Binds every IPv4 interface, like Prosody and ejabberd do by default. */
    public static final String DEFAULT_ADDRESS = "0.0.0.0";
    private static final int MAX_PORT = 65_535;

    /** Applies the address default and validates the port. */
    public ListenerConfig {
        if (address == null) {
            address = DEFAULT_ADDRESS;
        }
        if (address.isBlank()) {
            throw new IllegalArgumentException("address: must not be empty");
        }
        address = address.strip();
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("port: must be between 0 and 65535 (was " + port + ")");
        }
    }

    /** An enabled listener on every interface at {@code port}. */
    public static ListenerConfig on(int port, boolean starttlsRequired) {
        return new ListenerConfig(true, DEFAULT_ADDRESS, port, starttlsRequired);
    }

    /** This listener on another port (0 = any free port). */
    public ListenerConfig withPort(int newPort) {
        return new ListenerConfig(enabled, address, newPort, starttlsRequired);
    }

    /** This listener switched on or off. */
    public ListenerConfig withEnabled(boolean on) {
        return new ListenerConfig(on, address, port, starttlsRequired);
    }

    /** This listener bound to another address. */
    public ListenerConfig withAddress(String newAddress) {
        return new ListenerConfig(enabled, newAddress, port, starttlsRequired);
    }

    /** This listener with STARTTLS required or optional. */
    public ListenerConfig withStarttlsRequired(boolean required) {
        return new ListenerConfig(enabled, address, port, required);
    }
}
