package org.xmppd.storage;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code storage:} section of {@code conf/xmppd.yml}. Like Prosody's per-store storage map:
 * every store uses {@code default_backend} unless {@code stores} names another for it, e.g.
 * <pre>
 * storage:
 *   default_backend: h2
 *   stores: { users: mysql, roster: redis, presence: redis }
 *   mysql: { url: "jdbc:mysql://db:3306/xmppd", user: xmppd, password: secret }
 *   redis: { host: redis.internal }
 * </pre>
 * (and {@code stores: { archive: ssdb }} with an {@code ssdb:} section for message history on SSDB).
 * Empty config runs everything on the embedded H2 file.
 *
 * @param defaultBackend backend for stores not listed in {@code stores}; default {@code h2}
 * @param stores         store key (see {@link StoreKind#key()}) to backend name; may be empty
 * @param h2             settings of the {@code h2} backend
 * @param mysql          settings of the {@code mysql} backend
 * @param redis          settings of the {@code redis} backend
 * @param ssdb           settings of the {@code ssdb} backend
 */
public record StorageConfig(String defaultBackend, Map<String, String> stores, H2Config h2, MysqlConfig mysql,
        RedisConfig redis, SsdbConfig ssdb) {
    public static final String DEFAULT_BACKEND = "h2";

    public StorageConfig {
        defaultBackend = ConfigChecks.textOrDefault(defaultBackend, DEFAULT_BACKEND, "storage.default_backend");
        stores = stores == null ? Map.of() : checkedStores(stores);
        h2 = h2 == null ? H2Config.defaults() : h2;
        mysql = mysql == null ? MysqlConfig.defaults() : mysql;
        redis = redis == null ? RedisConfig.defaults() : redis;
        ssdb = ssdb == null ? SsdbConfig.defaults() : ssdb;
    }

    /** Without SSDB settings (they take their defaults). */
    public StorageConfig(String defaultBackend, Map<String, String> stores, H2Config h2, MysqlConfig mysql,
            RedisConfig redis) {
        this(defaultBackend, stores, h2, mysql, redis, null);
    }

    /** Without Redis and SSDB settings (they take their defaults). */
    public StorageConfig(String defaultBackend, Map<String, String> stores, H2Config h2, MysqlConfig mysql) {
        this(defaultBackend, stores, h2, mysql, null, null);
    }

    public static StorageConfig defaults() {
        return new StorageConfig(null, null, null, null, null, null);
    }

    /** The backend name configured for {@code kind}. */
    public String backendFor(StoreKind kind) {
        return stores.getOrDefault(kind.key(), defaultBackend);
    }

    /** The YAML key that chose the backend for {@code kind}, for error messages. */
    public String keyFor(StoreKind kind) {
        return stores.containsKey(kind.key()) ? "storage.stores." + kind.key() : "storage.default_backend";
    }

    private static Map<String, String> checkedStores(Map<String, String> stores) {
        Map<String, String> copy = new HashMap<>();
        stores.forEach((store, backend) -> {
            StoreKind.fromKey(store);
            String key = "storage.stores." + store;
            if (backend == null) {
                throw new IllegalArgumentException(key + " must name a backend");
            }
            copy.put(store, ConfigChecks.textOrDefault(backend, backend, key));
        });
        return Map.copyOf(copy);
    }
}
