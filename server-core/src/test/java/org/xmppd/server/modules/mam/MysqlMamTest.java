package org.xmppd.server.modules.mam;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xmppd.server.TestServer;
import org.xmppd.storage.MysqlConfig;
import org.xmppd.storage.StorageConfig;

/**
 * The MAM tests with archives in the real MariaDB at 127.0.0.1:3306 (root, no password), in a
 * database of their own that is dropped afterwards; everything else stays in H2.
 */
class MysqlMamTest extends MamTest {
    private static final String SERVER_URL = "jdbc:mysql://127.0.0.1:3306/";
    private static final String DATABASE = "xmppd_mam_" + UUID.randomUUID().toString().replace("-", "");

    /** Registered before the server: creates the database first and drops it last. */
    @RegisterExtension
    @Order(1)
    static final Database DB = new Database();

    @RegisterExtension
    @Order(2)
    static final TestServer SERVER = new TestServer(config -> config.withStorage(new StorageConfig(
            config.storage().defaultBackend(), Map.of("archive", "mysql"), config.storage().h2(),
            new MysqlConfig(SERVER_URL + DATABASE, "root", "", 0), config.storage().redis())));

    @Override
    protected TestServer server() {
        return SERVER;
    }

    static final class Database implements BeforeAllCallback, AfterAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) throws SQLException {
            execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4");
        }

        @Override
        public void afterAll(ExtensionContext context) throws SQLException {
            execute("DROP DATABASE IF EXISTS " + DATABASE);
        }

        private static void execute(String sql) throws SQLException {
            try (Connection connection = DriverManager.getConnection(SERVER_URL, "root", "");
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }
}
