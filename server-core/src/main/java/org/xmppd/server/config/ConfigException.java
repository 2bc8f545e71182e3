package org.xmppd.server.config;

/**
 * A configuration problem, described in one line that names the file and, where there is one, the
 * key path: {@code conf/xmppd.yml: limits.max_stanza_bytes: must be at least 10000 (was 5)}.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A problem whose {@code message} is already the full one-line description. */
    public ConfigException(String message) {
        super(message);
    }

    /** A problem caused by {@code cause}; the message still says it all, the cause is for logs. */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
