package org.xmppd.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

class StorageConfigTest {
    /** Bound the way the server's config loader binds conf/xmppd.yml: snake_case keys, unknown keys fail. */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private static StorageConfig bind(String yaml) throws JsonProcessingException {
        return YAML.treeToValue(YAML.readTree(yaml).get("storage"), StorageConfig.class);
    }

    private static void assertRejectedNaming(String key, Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertTrue(e.getMessage().contains(key), () -> "message should name " + key + ": " + e.getMessage());
    }

    @Test
    void defaultsRunEverythingOnH2() {
        StorageConfig config = StorageConfig.defaults();
        assertEquals("h2", config.defaultBackend());
        assertEquals(Map.of(), config.stores());
        assertEquals("h2", config.backendFor(StoreKind.USERS));
        assertEquals(new H2Config("xmppd", 8, 30_000), config.h2());
        assertEquals(new MysqlConfig("jdbc:mysql://127.0.0.1:3306/xmppd", "xmppd", "", 10, 5_000), config.mysql());
        assertEquals(new RedisConfig("127.0.0.1", 6379, null, 0, 16, 2_000, "xmppd:"), config.redis());
        assertEquals(new SsdbConfig("127.0.0.1", 8888, null, 16, 5_000, "xmppd:"), config.ssdb());
        for (StoreKind kind : StoreKind.values()) {
            assertEquals("h2", config.backendFor(kind));
        }
    }

    @Test
    void perStoreOverrideWins() {
        StorageConfig config = new StorageConfig("h2", Map.of("users", "mysql", "roster", "redis", "presence", "redis"),
                null, null);
        assertEquals("mysql", config.backendFor(StoreKind.USERS));
        assertEquals("storage.stores.users", config.keyFor(StoreKind.USERS));
        assertEquals("redis", config.backendFor(StoreKind.ROSTER));
        assertEquals("redis", config.backendFor(StoreKind.PRESENCE));
        assertEquals("h2", config.backendFor(StoreKind.OFFLINE));
        assertEquals("storage.default_backend", config.keyFor(StoreKind.OFFLINE));
    }

    @Test
    void storeKeysAreTheConfigNames() {
        assertEquals(List.of("users", "roster", "presence", "offline", "user_data", "rooms", "nodes", "archive"),
                Arrays.stream(StoreKind.values()).map(StoreKind::key).toList());
        assertEquals(StoreKind.OFFLINE, StoreKind.fromKey("offline"));
    }

    @Test
    void badValuesNameTheirKey() {
        assertRejectedNaming("storage.h2.max_pool_size", () -> new H2Config("x", -1));
        assertRejectedNaming("storage.h2.file", () -> new H2Config(" ", 1));
        assertRejectedNaming("storage.h2.file", () -> new H2Config("x;AUTO_SERVER=TRUE", 1));
        assertRejectedNaming("storage.h2.connection_timeout_ms", () -> new H2Config("x", 1, 10));
        assertRejectedNaming("storage.mysql.url", () -> new MysqlConfig("jdbc:postgresql://db/x", "u", "p", 1));
        assertRejectedNaming("storage.mysql.max_pool_size", () -> new MysqlConfig(null, null, null, -5));
        assertRejectedNaming("storage.mysql.connection_timeout_ms", () -> new MysqlConfig(null, null, null, 1, -1));
        assertRejectedNaming("storage.default_backend", () -> new StorageConfig("", null, null, null));
        assertRejectedNaming("storage.stores", () -> new StorageConfig(null, Map.of("rosters", "h2"), null, null));
        assertRejectedNaming("storage.stores.users", () -> new StorageConfig(null, Map.of("users", " "), null, null));
        assertRejectedNaming("storage.redis.host", () -> new RedisConfig(" ", 0, null, 0, 0, 0, null));
        assertRejectedNaming("storage.redis.port", () -> new RedisConfig(null, -1, null, 0, 0, 0, null));
        assertRejectedNaming("storage.redis.port", () -> new RedisConfig(null, 65_536, null, 0, 0, 0, null));
        assertRejectedNaming("storage.redis.database", () -> new RedisConfig(null, 0, null, -1, 0, 0, null));
        assertRejectedNaming("storage.redis.max_pool_size", () -> new RedisConfig(null, 0, null, 0, -1, 0, null));
        assertRejectedNaming("storage.redis.timeout_ms", () -> new RedisConfig(null, 0, null, 0, 0, -1, null));
        assertRejectedNaming("storage.redis.key_prefix", () -> new RedisConfig(null, 0, null, 0, 0, 0, " "));
    }

    @Test
    void badSsdbValuesNameTheirKey() {
        assertRejectedNaming("storage.ssdb.host", () -> new SsdbConfig(" ", 0, null, 0, 0, null));
        assertRejectedNaming("storage.ssdb.port", () -> new SsdbConfig(null, -1, null, 0, 0, null));
        assertRejectedNaming("storage.ssdb.port", () -> new SsdbConfig(null, 65_536, null, 0, 0, null));
        assertRejectedNaming("storage.ssdb.max_pool_size", () -> new SsdbConfig(null, 0, null, -1, 0, null));
        assertRejectedNaming("storage.ssdb.timeout_ms", () -> new SsdbConfig(null, 0, null, 0, -1, null));
        assertRejectedNaming("storage.ssdb.key_prefix", () -> new SsdbConfig(null, 0, null, 0, 0, " "));
        assertRejectedNaming("storage.ssdb.key_prefix", () -> new SsdbConfig(null, 0, null, 0, 0, "p".repeat(65)));
        assertEquals("127.0.0.1:8888", SsdbConfig.defaults().address());
        assertEquals(null, new SsdbConfig(null, 0, "", 0, 0, null).password());
    }

    @Test
    void passwordIsMaskedInToString() {
        for (Object config : List.of(new MysqlConfig(null, "xmppd", "s3cret", 0),
                new RedisConfig(null, 0, "s3cret", 0, 0, 0, null), new SsdbConfig(null, 0, "s3cret", 0, 0, null))) {
            String text = config.toString();
            assertFalse(text.contains("s3cret"), text);
            assertTrue(text.contains("****"), text);
        }
    }

    @Test
    void emptyRedisPasswordMeansNone() {
        assertEquals(null, new RedisConfig(null, 0, "", 0, 0, 0, null).password());
        assertEquals("127.0.0.1:6379", RedisConfig.defaults().address());
    }

    @Test
    void bindsFromSnakeCaseYaml() throws JsonProcessingException {
        StorageConfig config = bind("""
                storage:
                  default_backend: h2
                  stores:
                    users: mysql
                    roster: redis
                    presence: redis
                  h2:
                    file: db/main
                    max_pool_size: 4
                  mysql:
                    url: jdbc:mysql://db.example:3306/chat
                    user: chat
                    password: pw
                    connection_timeout_ms: 2000
                  redis:
                    host: redis.example
                    port: 6380
                    password: rpw
                    database: 2
                    max_pool_size: 32
                    timeout_ms: 1500
                    key_prefix: "chat:"
                  ssdb:
                    host: ssdb.example
                    port: 8889
                    password: spw
                    max_pool_size: 8
                    timeout_ms: 3000
                    key_prefix: "chat:"
                """);
        assertEquals(new StorageConfig("h2", Map.of("users", "mysql", "roster", "redis", "presence", "redis"),
                new H2Config("db/main", 4), new MysqlConfig("jdbc:mysql://db.example:3306/chat", "chat", "pw", 10, 2000),
                new RedisConfig("redis.example", 6380, "rpw", 2, 32, 1500, "chat:"),
                new SsdbConfig("ssdb.example", 8889, "spw", 8, 3000, "chat:")), config);
    }

    @Test
    void shippedConfigFileBindsToDefaults() throws IOException {
        // Guards against drift between conf/xmppd.yml and these records (Maven runs tests in the module dir).
        String shipped = Files.readString(Path.of("..", "conf", "xmppd.yml"));
        assertEquals(StorageConfig.defaults(), bind(shipped));
    }

    @Test
    void emptySectionBindsToDefaults() throws JsonProcessingException {
        assertEquals(StorageConfig.defaults(), bind("storage: {}"));
        assertEquals(StorageConfig.defaults(), bind("storage: {h2: {}, mysql: {}, redis: {}, ssdb: {}}"));
    }

    @Test
    void badYamlValueFailsNamingTheKey() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> bind("storage: {h2: {max_pool_size: -2}}"));
        IllegalArgumentException cause = assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertTrue(cause.getMessage().contains("storage.h2.max_pool_size"), cause.getMessage());
    }

    @Test
    void unknownYamlKeyFails() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> bind("storage: {h2: {pool: 3}}"));
        assertTrue(e.getMessage().contains("pool"), e.getMessage());
    }
}
