package org.xmppd.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.jxmpp.jid.EntityBareJid;
import org.xmppd.storage.StorageException;

/**
 * A table of owners ({@code id}, unique {@code (domain, localpart)}) whose row lock serializes
 * one account's writes to the rows that reference it: a roster and its version, or the offline
 * message count checked against the limit.
 *
 * <p>A missing owner row is inserted in its own auto-commit statement, never inside the locking
 * transaction: in InnoDB a duplicate-key insert takes a shared lock, and two transactions each
 * upgrading it to the row lock would deadlock.
 */
final class OwnerTable {
    /** Creating the row can race with a delete of the same owner; past this many rounds something is wrong. */
    private static final int MAX_ATTEMPTS = 3;

    /** Work done while holding the owner's row lock. */
    @FunctionalInterface
    interface LockedWork<T> {
        T run(Connection connection, long ownerId) throws SQLException;
    }

    /** A result that may itself be null, to tell "done" from "no owner row". */
    private record Done<T>(T value) {
    }

    private final JdbcExecutor jdbc;
    private final SqlDialect dialect;
    private final String table;
    private final String lock;
    private final String insert;

    OwnerTable(JdbcExecutor jdbc, SqlDialect dialect, String table) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.table = table;
        this.lock = "SELECT id FROM " + table + " WHERE domain = ? AND localpart = ? FOR UPDATE";
        this.insert = "INSERT INTO " + table + " (domain, localpart) VALUES (?, ?)";
    }

    /** Runs {@code work} in a transaction holding the owner's row lock, creating the row first when absent. */
    <T> T writeLocked(String action, EntityBareJid owner, LockedWork<T> work) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Done<T> done = tryLocked(action, owner, work);
            if (done != null) {
                return done.value();
            }
            create(action, owner);
        }
        throw new StorageException(action + " failed: the " + table + " row of " + owner
                + " vanished " + MAX_ATTEMPTS + " times (concurrent deletion?)");
    }

    /** Runs {@code work} holding the owner's row lock; returns {@code absent} without running it when there is no row. */
    <T> T ifPresentLocked(String action, EntityBareJid owner, LockedWork<T> work, T absent) {
        Done<T> done = tryLocked(action, owner, work);
        return done == null ? absent : done.value();
    }

    /** Deletes the owner row; rows referencing it go with it ({@code ON DELETE CASCADE}). */
    void delete(String action, EntityBareJid owner) {
        jdbc.run(action, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE domain = ? AND localpart = ?")) {
                bindOwner(delete, 1, owner);
                return delete.executeUpdate();
            }
        });
    }

    private <T> Done<T> tryLocked(String action, EntityBareJid owner, LockedWork<T> work) {
        return jdbc.transaction(action, connection -> {
            long ownerId;
            try (PreparedStatement select = connection.prepareStatement(lock)) {
                bindOwner(select, 1, owner);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return null;
                    }
                    ownerId = rows.getLong(1);
                }
            }
            return new Done<>(work.run(connection, ownerId));
        });
    }

    /** Inserts the owner's row; a row created concurrently by another writer is just as good. */
    void create(String action, EntityBareJid owner) {
        jdbc.run(action, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(insert)) {
                bindOwner(statement, 1, owner);
                return statement.executeUpdate();
            } catch (SQLException e) {
                // Another writer created it first: just as good.
                if (dialect.isUniqueViolation(e)) {
                    return 0;
                }
                throw e;
            }
        });
    }

    /** Sets the owner's domain and localpart (the normalized JID parts) at {@code first} and {@code first + 1}. */
    static void bindOwner(PreparedStatement statement, int first, EntityBareJid owner) throws SQLException {
        statement.setString(first, owner.asDomainBareJid().toString());
        statement.setString(first + 1, owner.getLocalpart().toString());
    }
}
