package org.xmppd.storage.jdbc;

import java.sql.SQLException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.xmppd.storage.UserDataStore;
import org.xmppd.storage.UserDataStoreContract;

/** The user data store contract on the real MariaDB at 127.0.0.1:3306, in a fresh database per class. */
class MysqlUserDataStoreTest extends UserDataStoreContract {
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
    protected UserDataStore data() {
        return database.storage().userData();
    }
}
