package org.xmppd.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Localpart;
import org.xmppd.storage.ScramCredential;
import org.xmppd.storage.UserStore;

/**
 * {@link UserStore} on any {@link SqlDialect}. An account is a {@code users} row keyed by
 * (domain, localpart), the normalized JID parts; its credentials are {@code scram_credentials}
 * rows, one per mechanism, removed with the account by {@code ON DELETE CASCADE}.
 */
final class JdbcUserStore implements UserStore {
    private static final String INSERT_USER = "INSERT INTO users (domain, localpart) VALUES (?, ?)";
    private static final String SELECT_USER = "SELECT 1 FROM users WHERE domain = ? AND localpart = ?";
    private static final String LOCK_USER = SELECT_USER + " FOR UPDATE";
    private static final String DELETE_USER = "DELETE FROM users WHERE domain = ? AND localpart = ?";
    private static final String LIST_USERS = "SELECT localpart FROM users WHERE domain = ?";
    private static final String INSERT_CREDENTIAL = "INSERT INTO scram_credentials"
            + " (domain, localpart, mechanism, salt, iterations, stored_key, server_key) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT_CREDENTIAL = "SELECT salt, iterations, stored_key, server_key"
            + " FROM scram_credentials WHERE domain = ? AND localpart = ? AND mechanism = ?";
    private static final String DELETE_CREDENTIALS =
            "DELETE FROM scram_credentials WHERE domain = ? AND localpart = ?";

    private final JdbcExecutor jdbc;
    private final SqlDialect dialect;

    JdbcUserStore(JdbcExecutor jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    @Override
    public boolean create(EntityBareJid user, List<ScramCredential> credentials) {
        checkOnePerMechanism(credentials);
        return jdbc.transaction("creating user " + user, connection -> {
            try (PreparedStatement insert = keyed(connection, INSERT_USER, user)) {
                insert.executeUpdate();
            } catch (SQLException e) {
                // Insert-and-catch, not check-then-insert: only the key decides a race between two creators.
                if (dialect.isUniqueViolation(e)) {
                    return false;
                }
                throw e;
            }
            insertCredentials(connection, user, credentials);
            return true;
        });
    }

    @Override
    public boolean exists(EntityBareJid user) {
        return jdbc.run("looking up user " + user, connection -> {
            try (PreparedStatement select = keyed(connection, SELECT_USER, user);
                 ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        });
    }

    @Override
    public Optional<ScramCredential> credential(EntityBareJid user, String mechanism) {
        Objects.requireNonNull(mechanism, "mechanism");
        return jdbc.run("reading " + mechanism + " credential of " + user, connection -> {
            try (PreparedStatement select = keyed(connection, SELECT_CREDENTIAL, user)) {
                select.setString(3, mechanism);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new ScramCredential(mechanism, rows.getBytes(1), rows.getInt(2),
                            rows.getBytes(3), rows.getBytes(4)));
                }
            }
        });
    }

    @Override
    public boolean replaceCredentials(EntityBareJid user, List<ScramCredential> credentials) {
        checkOnePerMechanism(credentials);
        return jdbc.transaction("replacing credentials of " + user, connection -> {
            // Locking the account row keeps a concurrent delete from leaving orphan credentials.
            try (PreparedStatement lock = keyed(connection, LOCK_USER, user); ResultSet rows = lock.executeQuery()) {
                if (!rows.next()) {
                    return false;
                }
            }
            try (PreparedStatement delete = keyed(connection, DELETE_CREDENTIALS, user)) {
                delete.executeUpdate();
            }
            insertCredentials(connection, user, credentials);
            return true;
        });
    }

    @Override
    public boolean delete(EntityBareJid user) {
        return jdbc.run("deleting user " + user, connection -> {
            try (PreparedStatement delete = keyed(connection, DELETE_USER, user)) {
                return delete.executeUpdate() > 0;
            }
        });
    }

    @Override
    public List<EntityBareJid> list(DomainBareJid domain) {
        List<EntityBareJid> users = jdbc.run("listing users of " + domain, connection -> {
            try (PreparedStatement select = connection.prepareStatement(LIST_USERS)) {
                select.setString(1, domain.toString());
                List<EntityBareJid> found = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(JidCreate.entityBareFrom(Localpart.fromOrThrowUnchecked(rows.getString(1)), domain));
                    }
                }
                return found;
            }
        });
        // Sorted here rather than by ORDER BY, so every backend agrees on the order whatever its collation.
        users.sort(Comparator.comparing(EntityBareJid::toString));
        return List.copyOf(users);
    }

    private void insertCredentials(Connection connection, EntityBareJid user, List<ScramCredential> credentials)
            throws SQLException {
        if (credentials.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = keyed(connection, INSERT_CREDENTIAL, user)) {
            for (ScramCredential credential : credentials) {
                insert.setString(3, credential.mechanism());
                insert.setBytes(4, credential.salt());
                insert.setInt(5, credential.iterations());
                insert.setBytes(6, credential.storedKey());
                insert.setBytes(7, credential.serverKey());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** A statement whose first two parameters are the account key. */
    private static PreparedStatement keyed(Connection connection, String sql, EntityBareJid user)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            statement.setString(1, user.asDomainBareJid().toString());
            statement.setString(2, user.getLocalpart().toString());
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    private static void checkOnePerMechanism(List<ScramCredential> credentials) {
        Set<String> seen = new HashSet<>();
        for (ScramCredential credential : credentials) {
            if (!seen.add(credential.mechanism())) {
                throw new IllegalArgumentException("Two credentials for " + credential.mechanism());
            }
        }
    }
}
