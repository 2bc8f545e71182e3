package org.xmppd.storage.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.xmppd.storage.MysqlConfig;
import org.xmppd.storage.Storage;
import org.xmppd.storage.StorageConfig;
import org.xmppd.storage.UserStore;
import org.xmppd.storage.UserStoreContract;

/**
 * The user store contract on the real MariaDB at 127.0.0.1:3306 (root, no password), in a fresh
 * database per run. An unreachable server fails the tests rather than skipping them: CI starts it.
 */
class MysqlUserStoreTest extends UserStoreContract {
    static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";
    static final String ROOT = "root";

    private static final String DATABASE = "xmppd_test_" + UUID.randomUUID().toString().replace("-", "");
    private static Storage storage;

    @BeforeAll
    static void createDatabase() throws SQLException {
        execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4");
        MysqlConfig mysql = new MysqlConfig(SERVER + DATABASE, ROOT, "", 0);
        storage = Storage.open(new StorageConfig("mysql", Map.of(), null, mysql), Path.of("unused"));
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        try {
            if (storage != null) {
                storage.close();
            }
        } finally {
            execute("DROP DATABASE IF EXISTS " + DATABASE);
        }
    }

    @Override
    protected UserStore users() {
        return storage.users();
    }

    static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + "test", ROOT, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
