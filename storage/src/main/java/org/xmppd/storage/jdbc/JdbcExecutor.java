package org.xmppd.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.xmppd.storage.StorageException;

/**
 * Runs store operations on pooled connections and turns {@link SQLException}s into
 * {@link StorageException}s that name the database and the failed action.
 */
final class JdbcExecutor {
    /** One unit of JDBC work. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final String where;

    /**
     * @param where the database for messages, e.g. {@code MySQL at jdbc:mysql://db/xmppd}
     */
    JdbcExecutor(DataSource dataSource, String where) {
        this.dataSource = dataSource;
        this.where = where;
    }

    /** Runs {@code work} in auto-commit mode: for single statements. */
    <T> T run(String action, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(action, e);
        }
    }

    /** Runs {@code work} in one transaction, committed when it returns and rolled back when it throws. */
    <T> T transaction(String action, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw failure(action, e);
        }
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The original failure matters more; keep the rollback failure attached to it.
            cause.addSuppressed(e);
        }
    }

    private StorageException failure(String action, SQLException e) {
        return new StorageException(where + ": " + action + " failed: " + e.getMessage(), e);
    }
}
