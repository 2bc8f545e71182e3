package org.xmppd.storage.jdbc;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import org.xmppd.storage.MysqlConfig;
import org.xmppd.storage.Storage;
import org.xmppd.storage.StorageConfig;

/**
 * A fresh database on the real MariaDB at 127.0.0.1:3306 (root, no password) with storage opened
 * on it, dropped on close. An unreachable server fails the test class: CI starts it.
 */
final class MysqlTestDatabase implements AutoCloseable {
    private final String database = "xmppd_test_" + UUID.randomUUID().toString().replace("-", "");
    private final Storage storage;

    MysqlTestDatabase() throws SQLException {
        MysqlUserStoreTest.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
        MysqlConfig mysql = new MysqlConfig(MysqlUserStoreTest.SERVER + database, MysqlUserStoreTest.ROOT, "", 0);
        Storage opened;
        try {
            opened = Storage.open(new StorageConfig("mysql", Map.of(), null, mysql), Path.of("unused"));
        } catch (RuntimeException e) {
            MysqlUserStoreTest.execute("DROP DATABASE IF EXISTS " + database);
            throw e;
        }
        this.storage = opened;
    }

    Storage storage() {
        return storage;
    }

    @Override
    public void close() throws SQLException {
        try {
            storage.close();
        } finally {
            MysqlUserStoreTest.execute("DROP DATABASE IF EXISTS " + database);
        }
    }
}
