package org.xmppd.storage.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.xmppd.storage.LastActivity;
import org.xmppd.storage.PresenceBatch;
import org.xmppd.storage.PresenceStore;

/**
 * {@link PresenceStore} on any {@link SqlDialect}: one {@code presence_resources} row per online
 * resource (with the node holding it) and one {@code last_activity} row per account.
 */
final class JdbcPresenceStore implements PresenceStore {
    private static final String OWNER_IS = " WHERE domain = ? AND localpart = ?";
    private static final String DELETE_RESOURCE = "DELETE FROM presence_resources" + OWNER_IS + " AND resource = ?";
    private static final String SELECT_RESOURCES = "SELECT resource, presence FROM presence_resources" + OWNER_IS;
    private static final String SELECT_LAST = "SELECT seen_ms, status FROM last_activity" + OWNER_IS;
    private static final String DELETE_NODE = "DELETE FROM presence_resources WHERE node = ?";
    private static final String DELETE_RESOURCES = "DELETE FROM presence_resources" + OWNER_IS;
    private static final String DELETE_LAST = "DELETE FROM last_activity" + OWNER_IS;

    private final JdbcExecutor jdbc;
    private final String upsertResource;
    private final String upsertLast;

    JdbcPresenceStore(JdbcExecutor jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.upsertResource = dialect.upsert("presence_resources", List.of("domain", "localpart", "resource"),
                List.of("node", "presence"));
        this.upsertLast = dialect.upsert("last_activity", List.of("domain", "localpart"),
                List.of("seen_ms", "status"));
    }

    @Override
    public void setResourcePresence(EntityFullJid resource, String presenceXml, String nodeId) {
        Objects.requireNonNull(presenceXml, "presenceXml");
        PresenceStore.checkNodeId(nodeId);
        jdbc.run("storing the presence of " + resource, connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(upsertResource)) {
                bindOnline(upsert, resource, nodeId, presenceXml);
                return upsert.executeUpdate();
            }
        });
    }

    @Override
    public void removeResource(EntityFullJid resource) {
        jdbc.run("removing the presence of " + resource, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE_RESOURCE)) {
                bindResource(delete, resource);
                return delete.executeUpdate();
            }
        });
    }

    /** One transaction and one statement batch per kind of change: a single commit for the lot. */
    @Override
    public void apply(PresenceBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        jdbc.transaction("storing " + batch.size() + " presence changes", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE_RESOURCE)) {
                for (EntityFullJid resource : batch.gone()) {
                    bindResource(delete, resource);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            try (PreparedStatement upsert = connection.prepareStatement(upsertResource)) {
                for (Map.Entry<EntityFullJid, PresenceBatch.Online> entry : batch.online().entrySet()) {
                    bindOnline(upsert, entry.getKey(), entry.getValue().nodeId(), entry.getValue().presenceXml());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            try (PreparedStatement upsert = connection.prepareStatement(upsertLast)) {
                for (Map.Entry<EntityBareJid, LastActivity> entry : batch.lastSeen().entrySet()) {
                    bindLast(upsert, entry.getKey(), entry.getValue().when(), entry.getValue().status());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Map<EntityFullJid, String> onlineResources(EntityBareJid account) {
        return jdbc.run("reading the online resources of " + account, connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT_RESOURCES)) {
                OwnerTable.bindOwner(select, 1, account);
                Map<EntityFullJid, String> online = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Resourcepart resource = Resourcepart.fromOrThrowUnchecked(rows.getString(1));
                        online.put(JidCreate.entityFullFrom(account, resource), rows.getString(2));
                    }
                }
                return Map.copyOf(online);
            }
        });
    }

    @Override
    public void setLastActivity(EntityBareJid account, Instant when, String status) {
        Objects.requireNonNull(when, "when");
        jdbc.run("storing the last activity of " + account, connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(upsertLast)) {
                bindLast(upsert, account, when, status);
                return upsert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<LastActivity> lastActivity(EntityBareJid account) {
        return jdbc.run("reading the last activity of " + account, connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT_LAST)) {
                OwnerTable.bindOwner(select, 1, account);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new LastActivity(Instant.ofEpochMilli(rows.getLong(1)), rows.getString(2)));
                }
            }
        });
    }

    @Override
    public void clearNode(String nodeId) {
        PresenceStore.checkNodeId(nodeId);
        jdbc.run("clearing the presences of node " + nodeId, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE_NODE)) {
                delete.setString(1, nodeId);
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public void deleteAll(EntityBareJid account) {
        jdbc.transaction("deleting the presence state of " + account, connection -> {
            for (String sql : List.of(DELETE_RESOURCES, DELETE_LAST)) {
                try (PreparedStatement delete = connection.prepareStatement(sql)) {
                    OwnerTable.bindOwner(delete, 1, account);
                    delete.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Binds a resource's owner and resource ({@link #DELETE_RESOURCE}: parameters 1-3). */
    private static void bindResource(PreparedStatement statement, EntityFullJid resource) throws SQLException {
        OwnerTable.bindOwner(statement, 1, resource.asEntityBareJid());
        statement.setString(3, resource.getResourcepart().toString());
    }

    /** Binds the resource presence upsert's parameters 1-5. */
    private static void bindOnline(PreparedStatement upsert, EntityFullJid resource, String nodeId, String presenceXml)
            throws SQLException {
        bindResource(upsert, resource);
        upsert.setString(4, nodeId);
        upsert.setString(5, presenceXml);
    }

    /** Binds the last activity upsert's parameters 1-4. */
    private static void bindLast(PreparedStatement upsert, EntityBareJid account, Instant when, String status)
            throws SQLException {
        OwnerTable.bindOwner(upsert, 1, account);
        upsert.setLong(3, when.toEpochMilli());
        upsert.setString(4, status);
    }
}
