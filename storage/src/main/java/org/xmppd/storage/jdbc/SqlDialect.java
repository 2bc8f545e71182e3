package org.xmppd.storage.jdbc;

import java.sql.SQLException;

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
}
