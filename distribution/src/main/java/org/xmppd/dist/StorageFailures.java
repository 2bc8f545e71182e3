package org.xmppd.dist;

import java.nio.file.Path;
import java.sql.SQLException;

import org.xmppd.storage.StorageException;

/** One-line descriptions of storage failures for the command line. */
final class StorageFailures {
    /** H2's "database may be already in use" (its ErrorCode.DATABASE_ALREADY_OPEN_1). */
    private static final String H2_DATABASE_IN_USE = "90020";

    private StorageFailures() {
    }

    /**
     * The embedded H2 file admits one process at a time, so a second server or an account command
     * run beside a server fails to open it; that case is named plainly instead of quoting H2.
     */
    static String describe(StorageException failure, Path dataDir) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && H2_DATABASE_IN_USE.equals(sql.getSQLState())) {
                return "the database is in use by a running server: " + dataDir
                        + " (stop it with 'bin/xmppd stop' first)";
            }
        }
        return "cannot open storage: " + failure.getMessage();
    }
}
