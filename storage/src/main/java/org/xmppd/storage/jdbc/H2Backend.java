package org.xmppd.storage.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.xmppd.storage.H2Config;
import org.xmppd.storage.OpenBackend;
import org.xmppd.storage.StorageBackend;
import org.xmppd.storage.StorageConfig;
import org.xmppd.storage.StorageException;

import com.zaxxer.hikari.HikariConfig;

/** The embedded H2 backend, {@code h2}: one database file under the data dir, no external service. */
public final class H2Backend implements StorageBackend {
    public static final String NAME = "h2";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OpenBackend open(StorageConfig config, Path dataDir) {
        H2Config h2 = config.h2();
        Path file = dataDir.resolve(h2.file()).toAbsolutePath().normalize();
        String where = "H2 at " + file;
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new StorageException(where + " could not be opened: cannot create " + file.getParent() + ": " + e, e);
        }
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("xmppd-h2");
        pool.setDriverClassName("org.h2.Driver");
        // DB_CLOSE_ON_EXIT=FALSE: H2's own shutdown hook would close the database under the
        // server while it still shuts down; Storage.close() closes it instead. No AUTO_SERVER:
        // only this process opens the file, and H2's file lock reports a second one clearly.
        // WRITE_DELAY=0: a commit reaches the file before it returns. H2's default keeps commits
        // in memory for up to 500 ms, and a kill -9 would lose what the server had accepted.
        pool.setJdbcUrl("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        pool.setMaximumPoolSize(h2.maxPoolSize());
        pool.setConnectionTimeout(h2.connectionTimeoutMs());
        return JdbcStores.open(new H2Dialect(), pool, where);
    }
}
