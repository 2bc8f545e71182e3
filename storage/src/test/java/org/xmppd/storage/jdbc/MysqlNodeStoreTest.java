package org.xmppd.storage.jdbc;

import java.sql.SQLException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.xmppd.storage.NodeStore;
import org.xmppd.storage.NodeStoreContract;

/** The node store contract on the real MariaDB at 127.0.0.1:3306, in a fresh database per class. */
class MysqlNodeStoreTest extends NodeStoreContract {
    private static MysqlTestDatabase database;

    @BeforeAll
    static void createDatabase() throws SQLException {
        database = new MysqlTestDatabase();
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        if (database != null) {
            database.close();
        }
    }

    @Override
    protected NodeStore nodes() {
        return database.storage().nodes();
    }
}
