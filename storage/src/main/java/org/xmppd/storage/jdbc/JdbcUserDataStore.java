package org.xmppd.storage.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jxmpp.jid.EntityBareJid;
import org.xmppd.storage.UserDataStore;

/**
 * {@link UserDataStore} on any {@link SqlDialect}: one {@code user_data} row per entry, keyed by
 * the owner, the kind and the SHA-256 of the key (keys may be longer than an index allows).
 */
final class JdbcUserDataStore implements UserDataStore {
    private static final String OWNER_IS = " WHERE domain = ? AND localpart = ?";
    private static final String ENTRY_IS = OWNER_IS + " AND kind = ? AND key_hash = ?";
    private static final String SELECT = "SELECT item FROM user_data" + ENTRY_IS;
    private static final String DELETE = "DELETE FROM user_data" + ENTRY_IS;
    private static final String SELECT_KIND = "SELECT item_key, item FROM user_data" + OWNER_IS + " AND kind = ?";
    private static final String DELETE_KIND = "DELETE FROM user_data" + OWNER_IS + " AND kind = ?";
    private static final String DELETE_OWNER = "DELETE FROM user_data" + OWNER_IS;

    private final JdbcExecutor jdbc;
    private final String upsert;

    JdbcUserDataStore(JdbcExecutor jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.upsert = dialect.upsert("user_data", List.of("domain", "localpart", "kind", "key_hash"),
                List.of("item_key", "item"));
    }

    @Override
    public Optional<String> get(EntityBareJid user, String kind, String key) {
        UserDataStore.checkKindAndKey(kind, key);
        return jdbc.run("reading " + kind + " data of " + user, connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT)) {
                bindEntry(select, user, kind, key);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public void put(EntityBareJid user, String kind, String key, String value) {
        UserDataStore.checkKindAndKey(kind, key);
        Objects.requireNonNull(value, "value");
        jdbc.run("storing " + kind + " data of " + user, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(upsert)) {
                bindEntry(statement, user, kind, key);
                statement.setString(5, key);
                statement.setString(6, value);
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public boolean remove(EntityBareJid user, String kind, String key) {
        UserDataStore.checkKindAndKey(kind, key);
        return jdbc.run("removing " + kind + " data of " + user, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
                bindEntry(delete, user, kind, key);
                return delete.executeUpdate() > 0;
            }
        });
    }

    @Override
    public int removeAll(EntityBareJid user, String kind) {
        UserDataStore.checkKindAndKey(kind, "");
        return jdbc.run("removing all " + kind + " data of " + user, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE_KIND)) {
                OwnerTable.bindOwner(delete, 1, user);
                delete.setString(3, kind);
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public Map<String, String> all(EntityBareJid user, String kind) {
        UserDataStore.checkKindAndKey(kind, "");
        return jdbc.run("reading all " + kind + " data of " + user, connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT_KIND)) {
                OwnerTable.bindOwner(select, 1, user);
                select.setString(3, kind);
                // Sorted here, not by SQL: collations differ between databases.
                SortedMap<String, String> entries = new TreeMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.put(rows.getString(1), rows.getString(2));
                    }
                }
                return Collections.unmodifiableSortedMap(entries);
            }
        });
    }

    @Override
    public void deleteAll(EntityBareJid user) {
        jdbc.run("deleting the data of " + user, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE_OWNER)) {
                OwnerTable.bindOwner(delete, 1, user);
                return delete.executeUpdate();
            }
        });
    }

    private static void bindEntry(PreparedStatement statement, EntityBareJid user, String kind, String key)
            throws java.sql.SQLException {
        OwnerTable.bindOwner(statement, 1, user);
        statement.setString(3, kind);
        statement.setBytes(4, sha256(key));
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest's specification).
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
