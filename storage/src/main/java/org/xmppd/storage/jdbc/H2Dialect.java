package org.xmppd.storage.jdbc;

import java.sql.SQLException;

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
}
