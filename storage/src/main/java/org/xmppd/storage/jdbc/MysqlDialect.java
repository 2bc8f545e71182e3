package org.xmppd.storage.jdbc;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

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

    /**
     * {@code INSERT ... ON DUPLICATE KEY UPDATE c = VALUES(c)}: MariaDB has no row alias
     * ({@code AS new}), and MySQL 8 still accepts {@code VALUES()} (deprecated, with a warning).
     */
    @Override
    public String upsert(String table, List<String> keyColumns, List<String> valueColumns) {
        List<String> columns = new ArrayList<>(keyColumns);
        columns.addAll(valueColumns);
        String updates = valueColumns.stream().map(c -> c + " = VALUES(" + c + ")").collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + SqlDialect.placeholders(columns.size()) + ") ON DUPLICATE KEY UPDATE " + updates;
    }
}
