package org.xmppd.server.config;

/**
 * In-band registration (XEP-0077) policy, YAML section {@code registration}.
 *
 * @param enabled whether clients may create accounts themselves; off by default because an open
 *                server attracts spam accounts
 */
public record RegistrationConfig(boolean enabled) {
    /** Registration off. */
    public static RegistrationConfig defaults() {
        return new RegistrationConfig(false);
    }
}
