package org.xmppd.storage.jdbc;

import java.sql.SQLException;

/** MySQL 5.7+/8 and MariaDB 10.3+, through MySQL Connector/J. */
final class MysqlDialect implements SqlDialect {
    /** Server error {@code ER_DUP_ENTRY}, the same code in MySQL and MariaDB. */
    private static final int ER_DUP_ENTRY = 1062;

    @Override
    public String productName() {
        return "MySQL";
    }

    @Override
    public String migrationLocation() {
        return "classpath:db/migration/mysql";
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        return e.getErrorCode() == ER_DUP_ENTRY;
    }
}
