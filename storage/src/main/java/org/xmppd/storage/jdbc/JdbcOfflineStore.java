package org.xmppd.storage.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jxmpp.jid.EntityBareJid;
import org.xmppd.storage.InFlightMessage;
import org.xmppd.storage.OfflineMessage;
import org.xmppd.storage.OfflineStore;

/**
 * {@link OfflineStore} on any {@link SqlDialect}. Messages reference the user's
 * {@code offline_owners} row, whose lock makes "count, then append" atomic so concurrent senders
 * cannot push a user past the limit.
 */
final class JdbcOfflineStore implements OfflineStore {
    private static final String FROM_OWNER = " FROM offline_owners o JOIN offline_messages m ON m.owner_id = o.id"
            + " WHERE o.domain = ? AND o.localpart = ?";
    /**
     * Run after the owner row is locked. A plain read suffices: InnoDB's REPEATABLE READ snapshot
     * starts at a transaction's first non-locking read, which comes after the lock, so every add
     * committed before the lock was granted is counted (H2 reads per statement anyway).
     */
    private static final String COUNT_LOCKED = "SELECT COUNT(*) FROM offline_messages WHERE owner_id = ?";
    private static final String INSERT =
            "INSERT INTO offline_messages (owner_id, received_ms, stanza) VALUES (?, ?, ?)";
    private static final String LIST = "SELECT m.id, m.stanza, m.received_ms" + FROM_OWNER + " ORDER BY m.id";
    private static final String COUNT = "SELECT COUNT(*)" + FROM_OWNER;
    private static final String DELETE = "DELETE FROM offline_messages WHERE id = ? AND owner_id ="
            + " (SELECT id FROM offline_owners WHERE domain = ? AND localpart = ?)";

    private static final String INSERT_IN_FLIGHT =
            "INSERT INTO offline_inflight (domain, localpart, received_ms, stanza) VALUES (?, ?, ?, ?)";
    private static final String DELETE_IN_FLIGHT = "DELETE FROM offline_inflight WHERE id = ?";
    private static final String MAX_IN_FLIGHT = "SELECT MAX(id) FROM offline_inflight";
    private static final String OWNERS_OF_IN_FLIGHT = "INSERT INTO offline_owners (domain, localpart)"
            + " SELECT DISTINCT i.domain, i.localpart FROM offline_inflight i WHERE i.id <= ? AND NOT EXISTS"
            + " (SELECT 1 FROM offline_owners o WHERE o.domain = i.domain AND o.localpart = i.localpart)";
    private static final String MOVE_IN_FLIGHT = "INSERT INTO offline_messages (owner_id, received_ms, stanza)"
            + " SELECT o.id, i.received_ms, i.stanza FROM offline_inflight i"
            + " JOIN offline_owners o ON o.domain = i.domain AND o.localpart = i.localpart"
            + " WHERE i.id <= ? ORDER BY i.id";
    private static final String CLEAR_IN_FLIGHT = "DELETE FROM offline_inflight WHERE id <= ?";

    private final JdbcExecutor jdbc;
    private final OwnerTable owners;

    JdbcOfflineStore(JdbcExecutor jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.owners = new OwnerTable(jdbc, dialect, "offline_owners");
    }

    @Override
    public boolean add(EntityBareJid user, String stanzaXml, Instant received, int limit) {
        Objects.requireNonNull(stanzaXml, "stanzaXml");
        Objects.requireNonNull(received, "received");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return owners.writeLocked("storing an offline message for " + user, user, (connection, id) -> {
            try (PreparedStatement count = connection.prepareStatement(COUNT_LOCKED)) {
                count.setLong(1, id);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) >= limit) {
                        return false;
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setLong(1, id);
                insert.setLong(2, received.toEpochMilli());
                insert.setString(3, stanzaXml);
                insert.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public List<OfflineMessage> list(EntityBareJid user) {
        return jdbc.run("reading the offline messages of " + user, connection -> {
            try (PreparedStatement select = connection.prepareStatement(LIST)) {
                OwnerTable.bindOwner(select, 1, user);
                List<OfflineMessage> messages = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        messages.add(new OfflineMessage(rows.getLong(1), rows.getString(2),
                                Instant.ofEpochMilli(rows.getLong(3))));
                    }
                }
                return List.copyOf(messages);
            }
        });
    }

    @Override
    public int count(EntityBareJid user) {
        return jdbc.run("counting the offline messages of " + user, connection -> {
            try (PreparedStatement select = connection.prepareStatement(COUNT)) {
                OwnerTable.bindOwner(select, 1, user);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    @Override
    public void remove(EntityBareJid user, List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.transaction("removing offline messages of " + user, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
                for (long id : ids) {
                    delete.setLong(1, id);
                    OwnerTable.bindOwner(delete, 2, user);
                    delete.addBatch();
                }
                return delete.executeBatch();
            }
        });
    }

    @Override
    public void deleteAll(EntityBareJid user) {
        owners.delete("deleting the offline messages of " + user, user);
    }

    @Override
    public List<Long> addInFlight(List<InFlightMessage> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        return jdbc.transaction("keeping " + messages.size() + " in-flight messages", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_IN_FLIGHT,
                    Statement.RETURN_GENERATED_KEYS)) {
                for (InFlightMessage message : messages) {
                    OwnerTable.bindOwner(insert, 1, message.user());
                    insert.setLong(3, message.received().toEpochMilli());
                    insert.setString(4, message.stanzaXml());
                    insert.addBatch();
                }
                insert.executeBatch();
                List<Long> ids = new ArrayList<>(messages.size());
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    while (keys.next()) {
                        ids.add(keys.getLong(1));
                    }
                }
                if (ids.size() != messages.size()) {
                    throw new SQLException(ids.size() + " keys for " + messages.size() + " in-flight messages");
                }
                return List.copyOf(ids);
            }
        });
    }

    @Override
    public void removeInFlight(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        // One transaction for the batch: one commit (one log write) per acknowledgement.
        jdbc.transaction("removing acknowledged in-flight messages", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE_IN_FLIGHT)) {
                for (long id : ids) {
                    delete.setLong(1, id);
                    delete.addBatch();
                }
                return delete.executeBatch();
            }
        });
    }

    @Override
    public int recoverInFlight() {
        return jdbc.transaction("moving in-flight messages to offline storage", connection -> {
            long last;
            try (PreparedStatement max = connection.prepareStatement(MAX_IN_FLIGHT);
                    ResultSet rows = max.executeQuery()) {
                rows.next();
                last = rows.getLong(1);
                if (rows.wasNull()) {
                    return 0;
                }
            }
            int moved;
            try (PreparedStatement owners = connection.prepareStatement(OWNERS_OF_IN_FLIGHT);
                    PreparedStatement move = connection.prepareStatement(MOVE_IN_FLIGHT);
                    PreparedStatement clear = connection.prepareStatement(CLEAR_IN_FLIGHT)) {
                owners.setLong(1, last);
                owners.executeUpdate();
                move.setLong(1, last);
                moved = move.executeUpdate();
                clear.setLong(1, last);
                clear.executeUpdate();
            }
            return moved;
        });
    }
}
