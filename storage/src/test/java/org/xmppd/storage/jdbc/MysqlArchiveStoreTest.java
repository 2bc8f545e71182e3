package org.xmppd.storage.jdbc;

import java.sql.SQLException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.xmppd.storage.ArchiveStore;
import org.xmppd.storage.ArchiveStoreContract;

/** The archive store contract on the real MariaDB at 127.0.0.1:3306, in a fresh database per class. */
class MysqlArchiveStoreTest extends ArchiveStoreContract {
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
    protected ArchiveStore archive() {
        return database.storage().archive();
    }
}
