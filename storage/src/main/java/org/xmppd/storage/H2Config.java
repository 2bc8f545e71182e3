package org.xmppd.storage;

/**
 * The embedded H2 backend ({@code storage.h2}).
 *
 * @param file                the database file, relative to the data dir (H2 appends {@code .mv.db});
 *                            default {@code xmppd}
 * @param maxPoolSize         most pooled connections; default 8
 * @param connectionTimeoutMs how long a caller waits for a pooled connection before failing;
 *                            default 30000, at least 250 (HikariCP's floor)
 */
public record H2Config(String file, int maxPoolSize, long connectionTimeoutMs) {
    public static final String DEFAULT_FILE = "xmppd";
    public static final int DEFAULT_MAX_POOL_SIZE = 8;
    public static final long DEFAULT_CONNECTION_TIMEOUT_MS = 30_000;
    static final long MIN_CONNECTION_TIMEOUT_MS = 250;

    public H2Config {
        file = ConfigChecks.textOrDefault(file, DEFAULT_FILE, "storage.h2.file");
        // H2 reads ';' as the start of URL settings: a file name must not smuggle any in.
        if (file.indexOf(';') >= 0) {
            throw new IllegalArgumentException("storage.h2.file must not contain ';': " + file);
        }
        maxPoolSize = ConfigChecks.positiveOrDefault(maxPoolSize, DEFAULT_MAX_POOL_SIZE, "storage.h2.max_pool_size");
        connectionTimeoutMs = ConfigChecks.atLeastOrDefault(connectionTimeoutMs, MIN_CONNECTION_TIMEOUT_MS,
                DEFAULT_CONNECTION_TIMEOUT_MS, "storage.h2.connection_timeout_ms");
    }

    public H2Config(String file, int maxPoolSize) {
        this(file, maxPoolSize, 0);
    }

    public static H2Config defaults() {
        return new H2Config(null, 0, 0);
    }
}
