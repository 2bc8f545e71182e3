package org.xmppd.server.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * External components (XEP-0114), YAML section {@code components}: where their listener binds
 * and which component domains may connect with which shared secret. With no domain configured
 * the listener stays closed, so a default server opens no component port (ejabberd likewise has
 * no component listener unless one is configured).
 *
 * @param address the local address to bind; default {@code 127.0.0.1}, since components usually
 *                run beside the server and the handshake is not encrypted
 * @param port    the TCP port, 0..65535 (0 = any free port); default 5347
 * @param domains component domain to its shared secret; each domain a bare domain stored in lower
 *                case, each secret non-empty; default none
 */
public record ComponentsConfig(String address, int port, Map<String, String> domains) {
    public static final String DEFAULT_ADDRESS = "127.0.0.1";
    /** The customary component port (XEP-0114 examples; Prosody's component_ports). */
    public static final int DEFAULT_PORT = 5347;
    private static final int MAX_PORT = 65_535;

    /** Applies defaults and validates the address, port, domains and secrets. */
    public ComponentsConfig {
        address = address == null ? DEFAULT_ADDRESS : address.strip();
        if (address.isEmpty()) {
            throw new IllegalArgumentException("address: must not be empty");
        }
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("port: must be between 0 and 65535 (was " + port + ")");
        }
        domains = domains == null ? Map.of() : normalized(domains);
    }

    /** No component configured: the listener stays closed. */
    public static ComponentsConfig defaults() {
        return new ComponentsConfig(DEFAULT_ADDRESS, DEFAULT_PORT, Map.of());
    }

    /** These settings with other component domains and secrets. */
    public ComponentsConfig withDomains(Map<String, String> newDomains) {
        return new ComponentsConfig(address, port, newDomains);
    }

    /** These settings on another port (0 = any free port). */
    public ComponentsConfig withPort(int newPort) {
        return new ComponentsConfig(address, newPort, domains);
    }

    /** The configured domains as JIDs with their secrets; each was validated, so none fails to parse. */
    public Map<DomainBareJid, String> secrets() {
        Map<DomainBareJid, String> secrets = new LinkedHashMap<>();
        domains.forEach((domain, secret) -> secrets.put(JidCreate.domainBareFromOrThrowUnchecked(domain), secret));
        return Map.copyOf(secrets);
    }

    private static Map<String, String> normalized(Map<String, String> domains) {
        Map<String, String> result = new TreeMap<>();
        for (Map.Entry<String, String> entry : domains.entrySet()) {
            // XEP-0114 §3: a component's address is a bare domain, like a host's.
            String domain = ServerConfig.domainOrThrow("components.domains." + entry.getKey(), entry.getKey());
            String secret = entry.getValue();
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("components.domains." + entry.getKey()
                        + ": the shared secret must not be empty");
            }
            if (result.put(domain, secret) != null) {
                throw new IllegalArgumentException("components.domains." + entry.getKey() + ": '" + domain
                        + "' is listed twice");
            }
        }
        return Collections.unmodifiableMap(result);
    }
}
