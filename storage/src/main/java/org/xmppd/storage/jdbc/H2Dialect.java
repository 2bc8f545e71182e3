package org.xmppd.storage.jdbc;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** H2 2.x in its native mode. */
final class H2Dialect implements SqlDialect {
    /** H2 {@code ErrorCode.DUPLICATE_KEY_1}. */
    private static final int DUPLICATE_KEY = 23505;

    @Override
    public String productName() {
        return "H2";
    }

    @Override
    public String migrationLocation() {
        return "classpath:db/migration/h2";
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        return e.getErrorCode() == DUPLICATE_KEY;
    }

    /** H2's {@code MERGE ... KEY}: atomic under H2's row locks, unlike update-then-insert. */
    @Override
    public String upsert(String table, List<String> keyColumns, List<String> valueColumns) {
        List<String> columns = new ArrayList<>(keyColumns);
        columns.addAll(valueColumns);
        return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + String.join(", ", keyColumns)
                + ") VALUES (" + SqlDialect.placeholders(columns.size()) + ")";
    }
}
