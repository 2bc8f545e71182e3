package org.xmppd.storage.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.xmppd.storage.RoomStore;
import org.xmppd.storage.StorageException;
import org.xmppd.storage.StoredAffiliation;
import org.xmppd.storage.StoredRoom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@link RoomStore} on any {@link SqlDialect}: a {@code muc_rooms} row per room with its options
 * as a JSON object, and a {@code muc_affiliations} row per affiliated JID, keyed by the SHA-256
 * of the JID (a bare JID may be longer than an index allows).
 */
final class JdbcRoomStore implements RoomStore {
    private static final String ROOM_IS = " WHERE service = ? AND name = ?";
    private static final String SELECT_ROOMS =
            "SELECT name, config, subject, subject_by, created_at FROM muc_rooms WHERE service = ?";
    private static final String SELECT_ROOM = "SELECT name, config, subject, subject_by, created_at FROM muc_rooms"
            + ROOM_IS;
    private static final String DELETE_ROOM = "DELETE FROM muc_rooms" + ROOM_IS;
    private static final String DELETE_AFFILIATIONS = "DELETE FROM muc_affiliations" + ROOM_IS;
    private static final String SELECT_AFFILIATIONS = "SELECT jid, affiliation, nick, reason FROM muc_affiliations"
            + ROOM_IS;
    private static final String DELETE_AFFILIATION = "DELETE FROM muc_affiliations" + ROOM_IS + " AND jid_hash = ?";
    private static final TypeReference<TreeMap<String, String>> CONFIG_TYPE = new TypeReference<>() {
    };

    private final JdbcExecutor jdbc;
    private final String upsertRoom;
    private final String upsertAffiliation;
    private final ObjectMapper json = new ObjectMapper();

    JdbcRoomStore(JdbcExecutor jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.upsertRoom = dialect.upsert("muc_rooms", List.of("service", "name"),
                List.of("config", "subject", "subject_by", "created_at"));
        this.upsertAffiliation = dialect.upsert("muc_affiliations", List.of("service", "name", "jid_hash"),
                List.of("jid", "affiliation", "nick", "reason"));
    }

    @Override
    public List<StoredRoom> rooms(DomainBareJid service) {
        return jdbc.run("reading the rooms of " + service, connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT_ROOMS)) {
                select.setString(1, service.toString());
                List<StoredRoom> rooms = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        rooms.add(room(service, rows));
                    }
                }
                rooms.sort(Comparator.comparing(r -> r.jid().toString()));
                return List.copyOf(rooms);
            }
        });
    }

    @Override
    public Optional<StoredRoom> room(EntityBareJid room) {
        return jdbc.run("reading room " + room, connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT_ROOM)) {
                bindRoom(select, room);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(room(room.asDomainBareJid(), rows)) : Optional.<StoredRoom>empty();
                }
            }
        });
    }

    @Override
    public void save(StoredRoom room) {
        String config = writeConfig(room.config());
        jdbc.run("storing room " + room.jid(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement(upsertRoom)) {
                bindRoom(statement, room.jid());
                statement.setString(3, config);
                statement.setString(4, room.subject());
                statement.setString(5, room.subjectBy());
                statement.setLong(6, room.created().toEpochMilli());
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public boolean delete(EntityBareJid room) {
        return jdbc.transaction("deleting room " + room, connection -> {
            execute(connection, DELETE_AFFILIATIONS, room);
            return execute(connection, DELETE_ROOM, room) > 0;
        });
    }

    @Override
    public List<StoredAffiliation> affiliations(EntityBareJid room) {
        return jdbc.run("reading the affiliations of " + room, connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT_AFFILIATIONS)) {
                bindRoom(select, room);
                List<StoredAffiliation> affiliations = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        affiliations.add(new StoredAffiliation(bareJid(rows.getString(1)), rows.getString(2),
                                rows.getString(3), rows.getString(4)));
                    }
                }
                // Sorted here, not by SQL: collations differ between databases.
                affiliations.sort(Comparator.comparing(a -> a.jid().toString()));
                return List.copyOf(affiliations);
            }
        });
    }

    @Override
    public void setAffiliation(EntityBareJid room, StoredAffiliation affiliation) {
        jdbc.run("storing an affiliation in " + room, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(upsertAffiliation)) {
                bindRoom(statement, room);
                statement.setBytes(3, sha256(affiliation.jid().toString()));
                statement.setString(4, affiliation.jid().toString());
                statement.setString(5, affiliation.affiliation());
                statement.setString(6, affiliation.nick());
                statement.setString(7, affiliation.reason());
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public boolean removeAffiliation(EntityBareJid room, BareJid jid) {
        return jdbc.run("removing an affiliation in " + room, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE_AFFILIATION)) {
                bindRoom(delete, room);
                delete.setBytes(3, sha256(jid.toString()));
                return delete.executeUpdate() > 0;
            }
        });
    }

    private StoredRoom room(DomainBareJid service, ResultSet rows) throws SQLException {
        String name = rows.getString(1);
        EntityBareJid jid;
        try {
            jid = JidCreate.entityBareFrom(name + "@" + service);
        } catch (XmppStringprepException e) {
            throw new StorageException("Corrupt room name in the database: " + name, e);
        }
        return new StoredRoom(jid, readConfig(rows.getString(2)), rows.getString(3), rows.getString(4),
                Instant.ofEpochMilli(rows.getLong(5)));
    }

    private static int execute(Connection connection, String sql, EntityBareJid room) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bindRoom(statement, room);
            return statement.executeUpdate();
        }
    }

    private static void bindRoom(PreparedStatement statement, EntityBareJid room) throws SQLException {
        statement.setString(1, room.asDomainBareJid().toString());
        statement.setString(2, room.getLocalpart().toString());
    }

    private static BareJid bareJid(String text) {
        try {
            return JidCreate.bareFrom(text);
        } catch (XmppStringprepException e) {
            throw new StorageException("Corrupt affiliated JID in the database: " + text, e);
        }
    }

    private String writeConfig(Map<String, String> config) {
        try {
            return json.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings always serializes", e);
        }
    }

    private Map<String, String> readConfig(String text) {
        try {
            return json.readValue(text, CONFIG_TYPE);
        } catch (JsonProcessingException e) {
            throw new StorageException("Corrupt room configuration in the database: " + text, e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest's specification).
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
