package org.xmppd.storage;

import java.nio.charset.StandardCharsets;

/**
 * The SSDB backend ({@code storage.ssdb}), reached through a pool of native-protocol connections.
 * It holds only the {@code archive} store.
 *
 * @param host        default {@code 127.0.0.1}
 * @param port        1-65535; default 8888
 * @param password    the {@code auth} password (SSDB wants at least 32 characters); null (or empty
 *                    in YAML) for none
 * @param maxPoolSize most pooled connections; default 16
 * @param timeoutMs   how long to wait for a connect, a reply or a free pooled connection before a
 *                    call fails; default 5000 (archive deletions run in steps well below it)
 * @param keyPrefix   prepended to every name, so several servers can share one SSDB; at most
 *                    {@value #MAX_KEY_PREFIX_BYTES} bytes (SSDB names stop at 255); default
 *                    {@code xmppd:}
 */
public record SsdbConfig(String host, int port, String password, int maxPoolSize, int timeoutMs,
        String keyPrefix) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8888;
    public static final int DEFAULT_MAX_POOL_SIZE = 16;
    public static final int DEFAULT_TIMEOUT_MS = 5_000;
    public static final String DEFAULT_KEY_PREFIX = "xmppd:";
    public static final int MAX_KEY_PREFIX_BYTES = 64;
    private static final int MAX_PORT = 65_535;

    public SsdbConfig {
        host = ConfigChecks.textOrDefault(host, DEFAULT_HOST, "storage.ssdb.host");
        port = ConfigChecks.positiveOrDefault(port, DEFAULT_PORT, "storage.ssdb.port");
        if (port > MAX_PORT) {
            throw new IllegalArgumentException("storage.ssdb.port must be at most " + MAX_PORT + ", was " + port);
        }
        password = password == null || password.isEmpty() ? null : password;
        maxPoolSize = ConfigChecks.positiveOrDefault(maxPoolSize, DEFAULT_MAX_POOL_SIZE, "storage.ssdb.max_pool_size");
        timeoutMs = ConfigChecks.positiveOrDefault(timeoutMs, DEFAULT_TIMEOUT_MS, "storage.ssdb.timeout_ms");
        keyPrefix = ConfigChecks.textOrDefault(keyPrefix, DEFAULT_KEY_PREFIX, "storage.ssdb.key_prefix");
        if (keyPrefix.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_PREFIX_BYTES) {
            throw new IllegalArgumentException("storage.ssdb.key_prefix must be at most " + MAX_KEY_PREFIX_BYTES
                    + " bytes, was " + keyPrefix);
        }
    }

    public static SsdbConfig defaults() {
        return new SsdbConfig(null, 0, null, 0, 0, null);
    }

    /** {@code host:port}, for messages. */
    public String address() {
        return host + ":" + port;
    }

    /** Masks the password, so a logged config never leaks it. */
    @Override
    public String toString() {
        return "SsdbConfig[host=" + host + ", port=" + port + ", password=" + (password == null ? "" : "****")
                + ", maxPoolSize=" + maxPoolSize + ", timeoutMs=" + timeoutMs + ", keyPrefix=" + keyPrefix + "]";
    }
}
