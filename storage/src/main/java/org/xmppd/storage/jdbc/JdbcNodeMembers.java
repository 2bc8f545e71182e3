package org.xmppd.storage.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.xmppd.storage.NodeAddress;
import org.xmppd.storage.StorageException;
import org.xmppd.storage.StoredNodeAffiliation;
import org.xmppd.storage.StoredNodeSubscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The subscriptions and affiliations half of {@link JdbcNodeStore}: rows keyed by the node's id
 * and the SHA-256 of the JID (a JID may be longer than an index allows).
 */
final class JdbcNodeMembers {
    private static final String SELECT_AFFILIATIONS = "SELECT jid, affiliation FROM pubsub_affiliations"
            + " WHERE node_id = " + JdbcNodeStore.NODE_ID;
    private static final String DELETE_AFFILIATION = "DELETE FROM pubsub_affiliations WHERE node_id = "
            + JdbcNodeStore.NODE_ID + " AND jid_hash = ?";
    private static final String SELECT_SUBSCRIPTIONS = "SELECT jid, subid, state, options FROM pubsub_subscriptions"
            + " WHERE node_id = " + JdbcNodeStore.NODE_ID;
    private static final String DELETE_SUBSCRIPTION = "DELETE FROM pubsub_subscriptions WHERE node_id = "
            + JdbcNodeStore.NODE_ID + " AND jid_hash = ? AND subid = ?";
    /** '!' escapes LIKE wildcards: a backslash would need doubling in MySQL's string literals. */
    private static final String NODES_WITH = "SELECT n.service, n.name FROM pubsub_nodes n"
            + " JOIN pubsub_affiliations a ON a.node_id = n.id WHERE a.jid_hash = ?"
            + " UNION SELECT n.service, n.name FROM pubsub_nodes n"
            + " JOIN pubsub_subscriptions s ON s.node_id = n.id WHERE s.jid = ? OR s.jid LIKE ? ESCAPE '!'";
    private static final TypeReference<TreeMap<String, String>> OPTIONS_TYPE = new TypeReference<>() {
    };

    private final JdbcExecutor jdbc;
    private final String upsertAffiliation;
    private final String upsertSubscription;
    private final ObjectMapper json = new ObjectMapper();

    JdbcNodeMembers(JdbcExecutor jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.upsertAffiliation = dialect.upsert("pubsub_affiliations", List.of("node_id", "jid_hash"),
                List.of("jid", "affiliation"));
        this.upsertSubscription = dialect.upsert("pubsub_subscriptions", List.of("node_id", "jid_hash", "subid"),
                List.of("jid", "state", "options"));
    }

    List<StoredNodeAffiliation> affiliations(BareJid service, String node) {
        return jdbc.run("reading the affiliations of node " + node + " of " + service, connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT_AFFILIATIONS)) {
                JdbcNodeStore.bindNode(select, 1, service, node);
                List<StoredNodeAffiliation> affiliations = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        affiliations.add(new StoredNodeAffiliation(jid(rows.getString(1)).asBareJid(),
                                rows.getString(2)));
                    }
                }
                affiliations.sort(Comparator.comparing(a -> a.jid().toString()));
                return List.copyOf(affiliations);
            }
        });
    }

    void setAffiliation(BareJid service, String node, StoredNodeAffiliation affiliation) {
        jdbc.transaction("storing an affiliation with node " + node + " of " + service, connection -> {
            Long id = JdbcNodeStore.nodeId(connection, service, node);
            if (id == null) {
                return 0;
            }
            try (PreparedStatement statement = connection.prepareStatement(upsertAffiliation)) {
                statement.setLong(1, id);
                statement.setBytes(2, sha256(affiliation.jid().toString()));
                statement.setString(3, affiliation.jid().toString());
                statement.setString(4, affiliation.affiliation());
                return statement.executeUpdate();
            }
        });
    }

    boolean removeAffiliation(BareJid service, String node, BareJid jid) {
        return jdbc.run("removing an affiliation with node " + node + " of " + service, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE_AFFILIATION)) {
                JdbcNodeStore.bindNode(delete, 1, service, node);
                delete.setBytes(3, sha256(jid.toString()));
                return delete.executeUpdate() > 0;
            }
        });
    }

    List<StoredNodeSubscription> subscriptions(BareJid service, String node) {
        return jdbc.run("reading the subscriptions of node " + node + " of " + service, connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT_SUBSCRIPTIONS)) {
                JdbcNodeStore.bindNode(select, 1, service, node);
                List<StoredNodeSubscription> subscriptions = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        subscriptions.add(new StoredNodeSubscription(jid(rows.getString(1)), rows.getString(2),
                                rows.getString(3), readOptions(rows.getString(4))));
                    }
                }
                subscriptions.sort(Comparator.comparing((StoredNodeSubscription s) -> s.jid().toString())
                        .thenComparing(StoredNodeSubscription::subid));
                return List.copyOf(subscriptions);
            }
        });
    }

    void putSubscription(BareJid service, String node, StoredNodeSubscription subscription) {
        String options = writeOptions(subscription.options());
        jdbc.transaction("storing a subscription to node " + node + " of " + service, connection -> {
            Long id = JdbcNodeStore.nodeId(connection, service, node);
            if (id == null) {
                return 0;
            }
            try (PreparedStatement statement = connection.prepareStatement(upsertSubscription)) {
                statement.setLong(1, id);
                statement.setBytes(2, sha256(subscription.jid().toString()));
                statement.setString(3, subscription.subid());
                statement.setString(4, subscription.jid().toString());
                statement.setString(5, subscription.state());
                statement.setString(6, options);
                return statement.executeUpdate();
            }
        });
    }

    boolean removeSubscription(BareJid service, String node, Jid jid, String subid) {
        return jdbc.run("removing a subscription to node " + node + " of " + service, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE_SUBSCRIPTION)) {
                JdbcNodeStore.bindNode(delete, 1, service, node);
                delete.setBytes(3, sha256(jid.toString()));
                delete.setString(4, subid);
                return delete.executeUpdate() > 0;
            }
        });
    }

    List<NodeAddress> nodesWith(BareJid jid) {
        return jdbc.run("finding the nodes " + jid + " belongs to", connection -> {
            try (PreparedStatement select = connection.prepareStatement(NODES_WITH)) {
                select.setBytes(1, sha256(jid.toString()));
                select.setString(2, jid.toString());
                select.setString(3, jid.toString().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "/%");
                List<NodeAddress> nodes = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        nodes.add(new NodeAddress(jid(rows.getString(1)).asBareJid(), rows.getString(2)));
                    }
                }
                nodes.sort(Comparator.comparing((NodeAddress a) -> a.service().toString()).thenComparing(NodeAddress::node));
                return List.copyOf(nodes);
            }
        });
    }

    static Jid jid(String text) {
        try {
            return JidCreate.from(text);
        } catch (XmppStringprepException e) {
            throw new StorageException("Corrupt JID in the pubsub tables: " + text, e);
        }
    }

    private String writeOptions(Map<String, String> options) {
        try {
            return json.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings always serializes", e);
        }
    }

    private Map<String, String> readOptions(String text) {
        try {
            return json.readValue(text, OPTIONS_TYPE);
        } catch (JsonProcessingException e) {
            throw new StorageException("Corrupt subscription options in the database: " + text, e);
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
