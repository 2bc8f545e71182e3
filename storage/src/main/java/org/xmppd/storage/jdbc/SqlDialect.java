package org.xmppd.storage.jdbc;

import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * What differs between the SQL databases the JDBC stores run on (Prosody's SQL storage grew
 * {@code if driver == ...} chains instead; this keeps the store code dialect-free). Column types
 * differ too, but those live in the per-dialect migrations.
 */
interface SqlDialect {
    /** Product name for messages, e.g. {@code MySQL}. */
    String productName();

    /** Flyway location of this dialect's migrations. */
    String migrationLocation();

    /** Whether {@code e} reports a duplicate primary or unique key (not any other constraint). */
    boolean isUniqueViolation(SQLException e);

    /**
     * An insert-or-update statement: inserts a row, or updates {@code valueColumns} of the row
     * with the same primary key. Its parameters are the key columns, then the value columns.
     */
    String upsert(String table, List<String> keyColumns, List<String> valueColumns);

    /** {@code ?, ?, ?} for {@code count} parameters. */
    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
