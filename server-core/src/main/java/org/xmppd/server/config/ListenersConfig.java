package org.xmppd.server.config;

/**
 * The client listeners, YAML section {@code listeners}.
 *
 * @param c2s          the STARTTLS listener (RFC 6120 §5), default port 5222, STARTTLS required
 * @param c2sDirectTls the direct TLS listener (XEP-0368), default port 5223
 */
public record ListenersConfig(ListenerConfig c2s, ListenerConfig c2sDirectTls) {
    /** The IANA-registered client port (RFC 6120 §14.7). */
    public static final int DEFAULT_C2S_PORT = 5222;
    /** The customary direct TLS port (XEP-0368 §3, "xmpps-client"). */
    public static final int DEFAULT_C2S_DIRECT_TLS_PORT = 5223;

    /** Fills an absent listener with its default. */
    public ListenersConfig {
        if (c2s == null) {
            c2s = ListenerConfig.on(DEFAULT_C2S_PORT, true);
        }
        if (c2sDirectTls == null) {
            c2sDirectTls = ListenerConfig.on(DEFAULT_C2S_DIRECT_TLS_PORT, false);
        }
    }

    /** Both listeners on their default ports. */
    public static ListenersConfig defaults() {
        return new ListenersConfig(null, null);
    }

    /** Both listeners on any free port, for tests: read the ports back from the server. */
    public ListenersConfig withAnyFreePorts() {
        return new ListenersConfig(c2s.withPort(0), c2sDirectTls.withPort(0));
    }
}
