/**
 * The JDBC backends: embedded H2 ({@code h2}, the default) and MySQL/MariaDB ({@code mysql}).
 * They hold every store.
 *
 * <p>Both share one implementation per store ({@code JdbcUserStore}, {@code JdbcRosterStore},
 * {@code JdbcPresenceStore}, {@code JdbcOfflineStore}); what differs between the databases (error
 * codes, upsert) sits in a {@link org.xmppd.storage.jdbc.SqlDialect} and in the per-dialect Flyway
 * migrations under {@code db/migration/<dialect>}. Connections come from a HikariCP pool sized
 * by config. Writes that must be serialized per account (roster versions, the offline limit)
 * lock the account's row in an owner table, see {@code OwnerTable}.
 */
package org.xmppd.storage.jdbc;
