package org.xmppd.storage;

/**
 * The Redis backend ({@code storage.redis}), reached through a Jedis connection pool.
 *
 * @param host        default {@code 127.0.0.1}
 * @param port        1-65535; default 6379
 * @param password    the {@code AUTH} password; null (or empty in YAML) for none
 * @param database    the logical database number ({@code SELECT}); default 0
 * @param maxPoolSize most pooled connections; default 16
 * @param timeoutMs   how long to wait for a connect, a reply or a free pooled connection before a
 *                    call fails; default 2000
 * @param keyPrefix   prepended to every key, so several servers can share one Redis; default
 *                    {@code xmppd:}
 */
public record RedisConfig(String host, int port, String password, int database, int maxPoolSize, int timeoutMs,
        String keyPrefix) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 6379;
    public static final int DEFAULT_MAX_POOL_SIZE = 16;
    public static final int DEFAULT_TIMEOUT_MS = 2_000;
    public static final String DEFAULT_KEY_PREFIX = "xmppd:";
    private static final int MAX_PORT = 65_535;

    public RedisConfig {
        host = ConfigChecks.textOrDefault(host, DEFAULT_HOST, "storage.redis.host");
        port = ConfigChecks.positiveOrDefault(port, DEFAULT_PORT, "storage.redis.port");
        if (port > MAX_PORT) {
            throw new IllegalArgumentException("storage.redis.port must be at most " + MAX_PORT + ", was " + port);
        }
        password = password == null || password.isEmpty() ? null : password;
        if (database < 0) {
            throw new IllegalArgumentException("storage.redis.database must not be negative, was " + database);
        }
        maxPoolSize = ConfigChecks.positiveOrDefault(maxPoolSize, DEFAULT_MAX_POOL_SIZE, "storage.redis.max_pool_size");
        timeoutMs = ConfigChecks.positiveOrDefault(timeoutMs, DEFAULT_TIMEOUT_MS, "storage.redis.timeout_ms");
        keyPrefix = ConfigChecks.textOrDefault(keyPrefix, DEFAULT_KEY_PREFIX, "storage.redis.key_prefix");
    }

    public static RedisConfig defaults() {
        return new RedisConfig(null, 0, null, 0, 0, 0, null);
    }

    /** {@code host:port}, for messages. */
    public String address() {
        return host + ":" + port;
    }

    /** Masks the password, so a logged config never leaks it. */
    @Override
    public String toString() {
        return "RedisConfig[host=" + host + ", port=" + port + ", password=" + (password == null ? "" : "****")
                + ", database=" + database + ", maxPoolSize=" + maxPoolSize + ", timeoutMs=" + timeoutMs
                + ", keyPrefix=" + keyPrefix + "]";
    }
}
