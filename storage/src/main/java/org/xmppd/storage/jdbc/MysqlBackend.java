package org.xmppd.storage.jdbc;

import java.nio.file.Path;

import org.xmppd.storage.MysqlConfig;
import org.xmppd.storage.OpenBackend;
import org.xmppd.storage.StorageBackend;
import org.xmppd.storage.StorageConfig;

import com.zaxxer.hikari.HikariConfig;

/** The MySQL/MariaDB backend, {@code mysql}, through MySQL Connector/J. */
public final class MysqlBackend implements StorageBackend {
    public static final String NAME = "mysql";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OpenBackend open(StorageConfig config, Path dataDir) {
        MysqlConfig mysql = config.mysql();
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("xmppd-mysql");
        pool.setDriverClassName("com.mysql.cj.jdbc.Driver");
        pool.setJdbcUrl(mysql.url());
        pool.setUsername(mysql.user());
        pool.setPassword(mysql.password());
        pool.setMaximumPoolSize(mysql.maxPoolSize());
        pool.setConnectionTimeout(mysql.connectionTimeoutMs());
        // Without a connect timeout an unreachable host blocks for the OS TCP timeout (minutes).
        pool.addDataSourceProperty("connectTimeout", String.valueOf(mysql.connectionTimeoutMs()));
        // JID parts are UTF-8 (RFC 7622 §3); utf8mb4 keeps characters outside the BMP.
        pool.addDataSourceProperty("characterEncoding", "UTF-8");
        pool.addDataSourceProperty("cachePrepStmts", "true");
        return JdbcStores.open(new MysqlDialect(), pool, "MySQL at " + mysql.url());
    }
}
