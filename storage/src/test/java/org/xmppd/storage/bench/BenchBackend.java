package org.xmppd.storage.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.xmppd.storage.ArchiveStore;
import org.xmppd.storage.MysqlConfig;
import org.xmppd.storage.Storage;
import org.xmppd.storage.StorageConfig;
import org.xmppd.storage.ssdb.SsdbTestServer;

/**
 * One backend opened for the benchmark on throw-away space (an H2 file in a temp dir, a fresh
 * MariaDB database, a fresh SSDB key prefix), removed again on close.
 */
final class BenchBackend implements AutoCloseable {
    private static final String MYSQL_SERVER = "jdbc:mysql://127.0.0.1:3306/";

    private final String name;
    private final Storage storage;
    private final Runnable cleanup;

    private BenchBackend(String name, Storage storage, Runnable cleanup) {
        this.name = name;
        this.storage = storage;
        this.cleanup = cleanup;
    }

    static BenchBackend open(String name) throws IOException, SQLException {
        Path dataDir = Files.createTempDirectory("archive-bench-");
        switch (name) {
            case "h2":
                return new BenchBackend(name, Storage.open(StorageConfig.defaults(), dataDir), () -> delete(dataDir));
            case "mysql":
                return openMysql(dataDir);
            case "ssdb":
                URI url = SsdbTestServer.urlOrNull();
                if (url == null) {
                    throw new IllegalArgumentException("ssdb needs " + SsdbTestServer.VARIABLE + "=ssdb://host:port");
                }
                StorageConfig ssdb = new StorageConfig("h2", Map.of("archive", "ssdb"), null, null, null,
                        SsdbTestServer.config(url));
                return new BenchBackend(name, Storage.open(ssdb, dataDir), () -> delete(dataDir));
            default:
                throw new IllegalArgumentException("unknown backend " + name + " (h2, mysql, ssdb)");
        }
    }

    private static BenchBackend openMysql(Path dataDir) throws SQLException {
        String database = "xmppd_bench_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
        MysqlConfig mysql = new MysqlConfig(MYSQL_SERVER + database, "root", "", 0);
        Storage storage = Storage.open(new StorageConfig("mysql", Map.of(), null, mysql), dataDir);
        return new BenchBackend("mysql", storage, () -> {
            try {
                execute("DROP DATABASE IF EXISTS " + database);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not drop " + database, e);
            }
            delete(dataDir);
        });
    }

    String name() {
        return name;
    }

    ArchiveStore archive() {
        return storage.archive();
    }

    @Override
    public void close() {
        storage.close();
        cleanup.run();
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(MYSQL_SERVER, "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException("Could not delete " + dir, e);
        }
    }
}
