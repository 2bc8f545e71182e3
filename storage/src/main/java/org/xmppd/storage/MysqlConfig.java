package org.xmppd.storage;

/**
 * The MySQL/MariaDB backend ({@code storage.mysql}), reached through MySQL Connector/J.
 *
 * @param url                 a {@code jdbc:mysql:} URL; default {@code jdbc:mysql://127.0.0.1:3306/xmppd}
 * @param user                default {@code xmppd}
 * @param password            default empty
 * @param maxPoolSize         most pooled connections; default 10
 * @param connectionTimeoutMs how long to wait for a TCP connect or a pooled connection; default
 *                            5000, at least 250 (HikariCP's floor)
 */
public record MysqlConfig(String url, String user, String password, int maxPoolSize, long connectionTimeoutMs) {
    public static final String DEFAULT_URL = "jdbc:mysql://127.0.0.1:3306/xmppd";
    public static final String DEFAULT_USER = "xmppd";
    public static final int DEFAULT_MAX_POOL_SIZE = 10;
    public static final long DEFAULT_CONNECTION_TIMEOUT_MS = 5_000;
    private static final String URL_PREFIX = "jdbc:mysql:";

    public MysqlConfig {
        url = ConfigChecks.textOrDefault(url, DEFAULT_URL, "storage.mysql.url");
        if (!url.startsWith(URL_PREFIX)) {
            throw new IllegalArgumentException("storage.mysql.url must start with " + URL_PREFIX + ", was " + url);
        }
        user = ConfigChecks.textOrDefault(user, DEFAULT_USER, "storage.mysql.user");
        password = password == null ? "" : password;
        maxPoolSize = ConfigChecks.positiveOrDefault(maxPoolSize, DEFAULT_MAX_POOL_SIZE, "storage.mysql.max_pool_size");
        connectionTimeoutMs = ConfigChecks.atLeastOrDefault(connectionTimeoutMs, H2Config.MIN_CONNECTION_TIMEOUT_MS,
                DEFAULT_CONNECTION_TIMEOUT_MS, "storage.mysql.connection_timeout_ms");
    }

    public MysqlConfig(String url, String user, String password, int maxPoolSize) {
        this(url, user, password, maxPoolSize, 0);
    }

    public static MysqlConfig defaults() {
        return new MysqlConfig(null, null, null, 0, 0);
    }

    /** Masks the password, so a logged config never leaks it. */
    @Override
    public String toString() {
        return "MysqlConfig[url=" + url + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "****")
                + ", maxPoolSize=" + maxPoolSize + ", connectionTimeoutMs=" + connectionTimeoutMs + "]";
    }
}
