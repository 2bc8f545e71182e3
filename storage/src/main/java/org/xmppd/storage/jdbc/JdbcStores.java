package org.xmppd.storage.jdbc;

import java.sql.SQLException;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.xmppd.storage.ArchiveStore;
import org.xmppd.storage.NodeStore;
import org.xmppd.storage.OfflineStore;
import org.xmppd.storage.OpenBackend;
import org.xmppd.storage.PresenceStore;
import org.xmppd.storage.RoomStore;
import org.xmppd.storage.RosterStore;
import org.xmppd.storage.RosterVersions;
import org.xmppd.storage.StorageException;
import org.xmppd.storage.UserDataStore;
import org.xmppd.storage.UserStore;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

/** One open SQL database: its connection pool, its migrated schema and the stores on top. */
final class JdbcStores implements OpenBackend {
    /** SQLState class 08: connection exception (SQL:2003); 28: invalid authorization. */
    private static final String CONNECTION_FAILURE = "08";
    private static final String AUTHORIZATION_FAILURE = "28";

    private final HikariDataSource pool;
    private final UserStore users;
    private final RosterStore roster;
    private final PresenceStore presence;
    private final OfflineStore offline;
    private final UserDataStore userData;
    private final RoomStore rooms;
    private final NodeStore nodes;
    private final ArchiveStore archive;

    private JdbcStores(HikariDataSource pool, JdbcExecutor jdbc, SqlDialect dialect) {
        this.pool = pool;
        this.users = new JdbcUserStore(jdbc, dialect);
        this.roster = new JdbcRosterStore(jdbc, dialect, RosterVersions::randomStart);
        this.presence = new JdbcPresenceStore(jdbc, dialect);
        this.offline = new JdbcOfflineStore(jdbc, dialect);
        this.userData = new JdbcUserDataStore(jdbc, dialect);
        this.rooms = new JdbcRoomStore(jdbc, dialect);
        this.nodes = new JdbcNodeStore(jdbc, dialect);
        this.archive = new JdbcArchiveStore(jdbc, dialect);
    }

    /**
     * Starts the pool (which connects once, so a bad address fails here and not on first use),
     * migrates the schema and builds the stores.
     *
     * @param where the database for messages, e.g. {@code MySQL at jdbc:mysql://db/xmppd}
     */
    static JdbcStores open(SqlDialect dialect, HikariConfig poolConfig, String where) {
        HikariDataSource pool = startPool(poolConfig, where);
        try {
            Flyway.configure(JdbcStores.class.getClassLoader())
                    .dataSource(pool)
                    .locations(dialect.migrationLocation())
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            pool.close();
            throw new StorageException(where + ": schema migration failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new JdbcStores(pool, new JdbcExecutor(pool, where), dialect);
    }

    @Override
    public UserStore users() {
        return users;
    }

    @Override
    public RosterStore roster() {
        return roster;
    }

    @Override
    public PresenceStore presence() {
        return presence;
    }

    @Override
    public OfflineStore offline() {
        return offline;
    }

    @Override
    public UserDataStore userData() {
        return userData;
    }

    @Override
    public RoomStore rooms() {
        return rooms;
    }

    @Override
    public NodeStore nodes() {
        return nodes;
    }

    @Override
    public ArchiveStore archive() {
        return archive;
    }

    @Override
    public void close() {
        pool.close();
    }

    private static HikariDataSource startPool(HikariConfig poolConfig, String where) {
        try {
            return new HikariDataSource(poolConfig);
        } catch (HikariPool.PoolInitializationException e) {
            throw new StorageException(where + " " + describe(e.getCause()), e);
        }
    }

    private static String describe(Throwable cause) {
        if (!(cause instanceof SQLException sql)) {
            return "could not be opened: " + rootMessage(cause);
        }
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        if (state.startsWith(CONNECTION_FAILURE)) {
            return "is unreachable: " + rootMessage(sql);
        }
        if (state.startsWith(AUTHORIZATION_FAILURE)) {
            return "refused the login: " + rootMessage(sql);
        }
        return "could not be opened: " + rootMessage(sql);
    }

    /** The first line of the failure, plus the innermost cause (e.g. "Connection refused") when different. */
    private static String rootMessage(Throwable failure) {
        if (failure == null) {
            return "no cause given";
        }
        String message = String.valueOf(failure.getMessage()).lines().findFirst().orElse("");
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? message : message + " (" + root + ")";
    }
}
