/**
 * The JDBC backends: embedded H2 ({@code h2}, the default) and MySQL/MariaDB ({@code mysql}).
 *
 * <p>Both share one implementation per store ({@code JdbcUserStore}); what differs between the
 * databases sits in a {@link org.xmppd.storage.jdbc.SqlDialect} and in the per-dialect Flyway
 * migrations under {@code db/migration/<dialect>}. Connections come from a HikariCP pool sized
 * by config.
 */
package org.xmppd.storage.jdbc;
