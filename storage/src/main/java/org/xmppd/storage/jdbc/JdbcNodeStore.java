package org.xmppd.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.xmppd.storage.NodeAddress;
import org.xmppd.storage.NodeStore;
import org.xmppd.storage.StorageException;
import org.xmppd.storage.StoredItem;
import org.xmppd.storage.StoredNode;
import org.xmppd.storage.StoredNodeAffiliation;
import org.xmppd.storage.StoredNodeSubscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@link NodeStore} on any {@link SqlDialect}: a {@code pubsub_nodes} row per node with its
 * configuration as JSON, and its items, subscriptions and affiliations in tables that refer to
 * the node's generated id and go with it ({@code ON DELETE CASCADE}). Subscriptions and
 * affiliations are handled by {@link JdbcNodeMembers}.
 */
final class JdbcNodeStore implements NodeStore {
    static final String NODE_ID = "(SELECT id FROM pubsub_nodes WHERE service = ? AND name = ?)";
    private static final String NODE_IS = " WHERE service = ? AND name = ?";
    private static final String SELECT_NODES = "SELECT name, config, created_at FROM pubsub_nodes WHERE service = ?";
    private static final String SELECT_NODE = "SELECT name, config, created_at FROM pubsub_nodes" + NODE_IS;
    private static final String SELECT_NODE_ID = "SELECT id FROM pubsub_nodes" + NODE_IS;
    private static final String INSERT_NODE =
            "INSERT INTO pubsub_nodes (service, name, config, created_at) VALUES (?, ?, ?, ?)";
    private static final String UPDATE_NODE = "UPDATE pubsub_nodes SET config = ?" + NODE_IS;
    private static final String DELETE_NODE = "DELETE FROM pubsub_nodes" + NODE_IS;
    private static final String DELETE_SERVICE = "DELETE FROM pubsub_nodes WHERE service = ?";
    private static final String ITEM_COLUMNS = "SELECT item_id, publisher, payload, published_at FROM pubsub_items";
    private static final String SELECT_ITEMS = ITEM_COLUMNS + " WHERE node_id = " + NODE_ID + " ORDER BY seq DESC";
    private static final String SELECT_ITEM = ITEM_COLUMNS + " WHERE node_id = " + NODE_ID + " AND item_id = ?";
    private static final String DELETE_ITEM = "DELETE FROM pubsub_items WHERE node_id = ? AND item_id = ?";
    private static final String INSERT_ITEM = "INSERT INTO pubsub_items (node_id, item_id, publisher, published_at,"
            + " payload) VALUES (?, ?, ?, ?, ?)";
    private static final String SELECT_ITEM_IDS = "SELECT seq, item_id FROM pubsub_items WHERE node_id = ?"
            + " ORDER BY seq DESC";
    private static final String DELETE_SEQ = "DELETE FROM pubsub_items WHERE seq = ?";
    private static final String RETRACT = "DELETE FROM pubsub_items WHERE node_id = " + NODE_ID + " AND item_id = ?";
    private static final String PURGE = "DELETE FROM pubsub_items WHERE node_id = " + NODE_ID;
    private static final String SELECT_EXPIRED = "SELECT seq, item_id FROM pubsub_items WHERE node_id = ?"
            + " AND published_at < ? ORDER BY seq";
    private static final TypeReference<TreeMap<String, List<String>>> CONFIG_TYPE = new TypeReference<>() {
    };

    private final JdbcExecutor jdbc;
    private final JdbcNodeMembers members;
    private final ObjectMapper json = new ObjectMapper();

    JdbcNodeStore(JdbcExecutor jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.members = new JdbcNodeMembers(jdbc, dialect);
    }

    @Override
    public List<StoredNode> nodes(BareJid service) {
        return jdbc.run("reading the nodes of " + service, connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT_NODES)) {
                select.setString(1, service.toString());
                List<StoredNode> nodes = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        nodes.add(node(service, rows));
                    }
                }
                // Sorted here, not by SQL: collations differ between databases.
                nodes.sort((a, b) -> a.name().compareTo(b.name()));
                return List.copyOf(nodes);
            }
        });
    }

    @Override
    public Optional<StoredNode> node(BareJid service, String name) {
        return jdbc.run("reading node " + name + " of " + service, connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT_NODE)) {
                bindNode(select, 1, service, name);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(node(service, rows)) : Optional.<StoredNode>empty();
                }
            }
        });
    }

    @Override
    public boolean create(StoredNode node) {
        String config = writeJson(node.config());
        return jdbc.transaction("creating node " + node.name() + " of " + node.service(), connection -> {
            if (nodeId(connection, node.service(), node.name()) != null) {
                return false;
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT_NODE)) {
                bindNode(insert, 1, node.service(), node.name());
                insert.setString(3, config);
                insert.setLong(4, node.created().toEpochMilli());
                return insert.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean update(StoredNode node) {
        String config = writeJson(node.config());
        return jdbc.run("configuring node " + node.name() + " of " + node.service(), connection -> {
            try (PreparedStatement update = connection.prepareStatement(UPDATE_NODE)) {
                update.setString(1, config);
                bindNode(update, 2, node.service(), node.name());
                return update.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean delete(BareJid service, String name) {
        return jdbc.run("deleting node " + name + " of " + service, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE_NODE)) {
                bindNode(delete, 1, service, name);
                return delete.executeUpdate() > 0;
            }
        });
    }

    @Override
    public void deleteService(BareJid service) {
        jdbc.run("deleting the nodes of " + service, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE_SERVICE)) {
                delete.setString(1, service.toString());
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public List<NodeAddress> nodesWith(BareJid jid) {
        return members.nodesWith(jid);
    }

    @Override
    public List<String> publish(BareJid service, String node, StoredItem item, int maxItems) {
        return jdbc.transaction("publishing to node " + node + " of " + service, connection -> {
            Long id = nodeId(connection, service, node);
            if (id == null) {
                return List.<String>of();
            }
            try (PreparedStatement delete = connection.prepareStatement(DELETE_ITEM)) {
                delete.setLong(1, id);
                delete.setString(2, item.id());
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT_ITEM)) {
                insert.setLong(1, id);
                insert.setString(2, item.id());
                insert.setString(3, item.publisher().toString());
                insert.setLong(4, item.published().toEpochMilli());
                insert.setString(5, item.payload());
                insert.executeUpdate();
            }
            return maxItems > 0 ? trim(connection, id, maxItems) : List.<String>of();
        });
    }

    /** Drops all but the newest {@code keep} items; their ids, oldest first. */
    private static List<String> trim(Connection connection, long nodeId, int keep) throws SQLException {
        List<Long> seqs = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT_ITEM_IDS)) {
            select.setLong(1, nodeId);
            try (ResultSet rows = select.executeQuery()) {
                for (int row = 0; rows.next(); row++) {
                    if (row >= keep) {
                        seqs.add(rows.getLong(1));
                        dropped.add(rows.getString(2));
                    }
                }
            }
        }
        deleteSeqs(connection, seqs);
        Collections.reverse(dropped);
        return List.copyOf(dropped);
    }

    private static void deleteSeqs(Connection connection, List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(DELETE_SEQ)) {
            for (long seq : seqs) {
                delete.setLong(1, seq);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    @Override
    public List<StoredItem> items(BareJid service, String node, int max) {
        return jdbc.run("reading the items of node " + node + " of " + service, connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT_ITEMS)) {
                bindNode(select, 1, service, node);
                if (max > 0) {
                    select.setMaxRows(max);
                }
                List<StoredItem> items = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        items.add(item(rows));
                    }
                }
                return List.copyOf(items);
            }
        });
    }

    @Override
    public Optional<StoredItem> item(BareJid service, String node, String id) {
        return jdbc.run("reading an item of node " + node + " of " + service, connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT_ITEM)) {
                bindNode(select, 1, service, node);
                select.setString(3, id);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(item(rows)) : Optional.<StoredItem>empty();
                }
            }
        });
    }

    @Override
    public boolean retract(BareJid service, String node, String id) {
        return jdbc.run("retracting an item of node " + node + " of " + service, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(RETRACT)) {
                bindNode(delete, 1, service, node);
                delete.setString(3, id);
                return delete.executeUpdate() > 0;
            }
        });
    }

    @Override
    public int purge(BareJid service, String node) {
        return jdbc.run("purging node " + node + " of " + service, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(PURGE)) {
                bindNode(delete, 1, service, node);
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public List<String> expire(BareJid service, String node, Instant cutoff) {
        return jdbc.transaction("expiring items of node " + node + " of " + service, connection -> {
            Long id = nodeId(connection, service, node);
            if (id == null) {
                return List.<String>of();
            }
            List<Long> seqs = new ArrayList<>();
            List<String> expired = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(SELECT_EXPIRED)) {
                select.setLong(1, id);
                select.setLong(2, cutoff.toEpochMilli());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        seqs.add(rows.getLong(1));
                        expired.add(rows.getString(2));
                    }
                }
            }
            deleteSeqs(connection, seqs);
            return List.copyOf(expired);
        });
    }

    @Override
    public List<StoredNodeAffiliation> affiliations(BareJid service, String node) {
        return members.affiliations(service, node);
    }

    @Override
    public void setAffiliation(BareJid service, String node, StoredNodeAffiliation affiliation) {
        members.setAffiliation(service, node, affiliation);
    }

    @Override
    public boolean removeAffiliation(BareJid service, String node, BareJid jid) {
        return members.removeAffiliation(service, node, jid);
    }

    @Override
    public List<StoredNodeSubscription> subscriptions(BareJid service, String node) {
        return members.subscriptions(service, node);
    }

    @Override
    public void putSubscription(BareJid service, String node, StoredNodeSubscription subscription) {
        members.putSubscription(service, node, subscription);
    }

    @Override
    public boolean removeSubscription(BareJid service, String node, Jid jid, String subid) {
        return members.removeSubscription(service, node, jid, subid);
    }

    /** The generated id of a node, or null when there is none. */
    static Long nodeId(Connection connection, BareJid service, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_NODE_ID)) {
            bindNode(select, 1, service, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        }
    }

    static void bindNode(PreparedStatement statement, int first, BareJid service, String name) throws SQLException {
        statement.setString(first, service.toString());
        statement.setString(first + 1, name);
    }

    private StoredNode node(BareJid service, ResultSet rows) throws SQLException {
        return new StoredNode(service, rows.getString(1), readConfig(rows.getString(2)),
                Instant.ofEpochMilli(rows.getLong(3)));
    }

    private static StoredItem item(ResultSet rows) throws SQLException {
        return new StoredItem(rows.getString(1), JdbcNodeMembers.jid(rows.getString(2)), rows.getString(3),
                Instant.ofEpochMilli(rows.getLong(4)));
    }

    private String writeJson(Map<String, List<String>> config) {
        try {
            return json.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of string lists always serializes", e);
        }
    }

    private Map<String, List<String>> readConfig(String text) {
        try {
            return json.readValue(text, CONFIG_TYPE);
        } catch (JsonProcessingException e) {
            throw new StorageException("Corrupt node configuration in the database: " + text, e);
        }
    }
}
