package org.xmppd.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;

/** Opening and closing storage: backend choice, migrations, and the messages an admin sees. */
class StorageTest {
    private static final EntityBareJid ALICE = JidCreate.entityBareFromOrThrowUnchecked("alice@example.org");
    private static final ScramCredential CREDENTIAL = new ScramCredential(ScramCredential.SCRAM_SHA_256,
            new byte[] {1, 2, 3}, 4096, new byte[] {4, 5}, new byte[] {6, 7});

    @TempDir
    Path dataDir;

    private static StorageConfig usersOnMysql(MysqlConfig mysql) {
        return new StorageConfig("h2", Map.of("users", "mysql"), null, mysql);
    }

    private StorageException openFails(StorageConfig config) {
        return assertThrows(StorageException.class, () -> Storage.open(config, dataDir).close());
    }

    @Test
    void h2FileLivesUnderTheDataDir() {
        StorageConfig config = new StorageConfig(null, null, new H2Config("db/main", 2), null);
        try (Storage storage = Storage.open(config, dataDir)) {
            assertTrue(storage.users().create(ALICE, List.of(CREDENTIAL)));
        }
        assertTrue(Files.exists(dataDir.resolve("db/main.mv.db")));
    }

    @Test
    void reopeningMigratesNothingAndKeepsData() {
        try (Storage storage = Storage.open(StorageConfig.defaults(), dataDir)) {
            storage.users().create(ALICE, List.of(CREDENTIAL));
        }
        try (Storage storage = Storage.open(StorageConfig.defaults(), dataDir)) {
            assertTrue(storage.users().exists(ALICE));
            assertEquals(Optional.of(CREDENTIAL), storage.users().credential(ALICE, ScramCredential.SCRAM_SHA_256));
        }
    }

    @Test
    void storesAreUnusableAfterClose() {
        Storage storage = Storage.open(StorageConfig.defaults(), dataDir);
        UserStore users = storage.users();
        storage.close();
        StorageException e = assertThrows(StorageException.class, () -> users.exists(ALICE));
        assertTrue(e.getMessage().startsWith("H2 at " + dataDir.toAbsolutePath()), e.getMessage());
    }

    @Test
    void unknownBackendNamesTheKeyAndTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Storage.open(new StorageConfig("postgres", null, null, null), dataDir));
        assertTrue(e.getMessage().contains("storage.default_backend"), e.getMessage());
        assertTrue(e.getMessage().contains("h2, mysql, redis"), e.getMessage());
    }

    @Test
    void offlineOnRedisIsAConfigErrorNamingTheKey() {
        StorageConfig config = new StorageConfig("h2", Map.of("offline", "redis"), null, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Storage.validate(config));
        assertTrue(e.getMessage().startsWith("storage.stores.offline: backend 'redis' cannot hold the 'offline' store"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Storage.open(config, dataDir));
        assertFalse(Files.exists(dataDir.resolve("xmppd.mv.db")), "a config error must not open any backend");
    }

    @Test
    void redisAsDefaultBackendNamesTheKeyOfTheStoresItCannotHold() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Storage.validate(new StorageConfig("redis", null, null, null)));
        assertTrue(e.getMessage().startsWith("storage.default_backend: backend 'redis' cannot hold the 'users' store"),
                e.getMessage());
        Storage.validate(new StorageConfig("h2", Map.of("roster", "redis", "presence", "redis"), null, null));
    }

    @Test
    void unreachableRedisNamesTheAddress() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        RedisConfig redis = new RedisConfig("127.0.0.1", port, null, 0, 1, 500, null);
        StorageException e = openFails(new StorageConfig("h2", Map.of("roster", "redis"), null, null, redis));
        assertTrue(e.getMessage().startsWith("Redis at 127.0.0.1:" + port + " is unreachable: "), e.getMessage());
    }

    @Test
    void rejectedRedisLoginNamesTheAddress() {
        // The CI Redis at 6379 has no password, so sending one is refused.
        RedisConfig redis = new RedisConfig("127.0.0.1", 6379, "wrong-password", 0, 1, 2000, null);
        StorageException e = openFails(new StorageConfig("h2", Map.of("presence", "redis"), null, null, redis));
        assertTrue(e.getMessage().startsWith("Redis at 127.0.0.1:6379 refused the login: "), e.getMessage());
    }

    @Test
    void eachStoreComesFromItsConfiguredBackend() {
        StorageConfig config = new StorageConfig("h2", Map.of("roster", "redis", "presence", "redis"), null, null,
                new RedisConfig(null, 0, null, 0, 0, 0, "xmppd-test-" + UUID.randomUUID() + ":"));
        try (Storage storage = Storage.open(config, dataDir)) {
            assertEquals("RedisRosterStore", storage.roster().getClass().getSimpleName());
            assertEquals("RedisPresenceStore",
                    ((WriteBehindPresenceStore) storage.presence()).backing().getClass().getSimpleName());
            assertEquals("JdbcOfflineStore", storage.offline().getClass().getSimpleName());
            assertEquals("JdbcUserStore", storage.users().getClass().getSimpleName());
        }
    }

    @Test
    void unreachableMysqlNamesTheUrl() {
        String url = "jdbc:mysql://127.0.0.1:1/xmppd";
        StorageException e = openFails(usersOnMysql(new MysqlConfig(url, "xmppd", "", 1, 1000)));
        assertTrue(e.getMessage().startsWith("MySQL at " + url + " is unreachable: "), e.getMessage());
        assertFalse(Files.exists(dataDir.resolve("xmppd.mv.db")), "no store uses H2, so it must not be opened");
    }

    @Test
    void rejectedMysqlLoginNamesTheUrl() {
        String url = "jdbc:mysql://127.0.0.1:3306/test";
        StorageException e = openFails(usersOnMysql(new MysqlConfig(url, "root", "wrong-password", 1)));
        assertTrue(e.getMessage().startsWith("MySQL at " + url + " refused the login: "), e.getMessage());
    }

    @Test
    void missingMysqlDatabaseNamesTheUrl() {
        String url = "jdbc:mysql://127.0.0.1:3306/xmppd_no_such_database";
        StorageException e = openFails(usersOnMysql(new MysqlConfig(url, "root", "", 1)));
        assertTrue(e.getMessage().startsWith("MySQL at " + url + " could not be opened: "), e.getMessage());
    }
}
