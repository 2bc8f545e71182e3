package org.xmppd.storage.jdbc;

import java.sql.SQLException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.xmppd.storage.RosterStore;
import org.xmppd.storage.RosterStoreContract;

/** The roster store contract on the real MariaDB at 127.0.0.1:3306, in a fresh database per class. */
class MysqlRosterStoreTest extends RosterStoreContract {
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
    protected RosterStore roster() {
        return database.storage().roster();
    }
}
