package org.xmppd.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.storage.Roster;
import org.xmppd.storage.RosterItem;
import org.xmppd.storage.RosterStore;
import org.xmppd.storage.RosterVersions;
import org.xmppd.storage.Subscription;

/**
 * {@link RosterStore} on any {@link SqlDialect}. An owner's {@code roster_owners} row holds the
 * version and its lock serializes the owner's writes; items and pending requests reference it
 * and go with it on delete.
 *
 * <p>Versions count up from a random start ({@link RosterVersions}): after {@link #deleteAll} a
 * re-created roster starts elsewhere, so a client's cached version cannot match a different roster.
 */
final class JdbcRosterStore implements RosterStore {
    private static final String ITEM_COLUMNS =
            "i.contact, i.name, i.subscription, i.ask_out, i.pending_in, i.approved, i.groups_json";
    private static final String OWNER_IS = " WHERE o.domain = ? AND o.localpart = ?";
    private static final String SELECT_ROSTER = "SELECT o.version, " + ITEM_COLUMNS
            + " FROM roster_owners o LEFT JOIN roster_items i ON i.owner_id = o.id" + OWNER_IS;
    private static final String SELECT_ITEM = "SELECT " + ITEM_COLUMNS
            + " FROM roster_owners o JOIN roster_items i ON i.owner_id = o.id" + OWNER_IS + " AND i.contact = ?";
    /** A locking read: always the latest committed version, whatever the isolation level's snapshot. */
    private static final String SELECT_VERSION = "SELECT version FROM roster_owners WHERE id = ? FOR UPDATE";
    private static final String UPDATE_VERSION = "UPDATE roster_owners SET version = ? WHERE id = ?";
    private static final String DELETE_ITEM = "DELETE FROM roster_items WHERE owner_id = ? AND contact = ?";
    private static final String SELECT_PENDING = "SELECT p.contact, p.stanza"
            + " FROM roster_owners o JOIN roster_pending p ON p.owner_id = o.id" + OWNER_IS;
    private static final String DELETE_PENDING = "DELETE FROM roster_pending WHERE owner_id = ? AND contact = ?";

    private final JdbcExecutor jdbc;
    private final OwnerTable owners;
    private final LongSupplier versionStart;
    private final GroupsJson groups = new GroupsJson();
    private final String upsertItem;
    private final String upsertPending;

    /**
     * @param versionStart the first version of a new roster, see {@link RosterVersions#randomStart()}
     */
    JdbcRosterStore(JdbcExecutor jdbc, SqlDialect dialect, LongSupplier versionStart) {
        this.jdbc = jdbc;
        this.owners = new OwnerTable(jdbc, dialect, "roster_owners");
        this.versionStart = versionStart;
        this.upsertItem = dialect.upsert("roster_items", List.of("owner_id", "contact"),
                List.of("name", "subscription", "ask_out", "pending_in", "approved", "groups_json"));
        this.upsertPending = dialect.upsert("roster_pending", List.of("owner_id", "contact"), List.of("stanza"));
    }

    @Override
    public Roster roster(EntityBareJid owner) {
        // One statement reads version and items together: one consistent snapshot.
        return jdbc.run("reading the roster of " + owner, connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT_ROSTER)) {
                OwnerTable.bindOwner(select, 1, owner);
                try (ResultSet rows = select.executeQuery()) {
                    String version = EMPTY_VERSION;
                    List<RosterItem> items = new ArrayList<>();
                    while (rows.next()) {
                        version = String.valueOf(rows.getLong(1));
                        if (rows.getString(2) != null) {
                            items.add(item(rows, 2));
                        }
                    }
                    items.sort(Comparator.comparing(item -> item.jid().toString()));
                    return new Roster(version, items);
                }
            }
        });
    }

    @Override
    public Optional<RosterItem> item(EntityBareJid owner, BareJid contact) {
        return jdbc.run("reading roster item " + contact + " of " + owner, connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT_ITEM)) {
                OwnerTable.bindOwner(select, 1, owner);
                select.setString(3, contact.toString());
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(item(rows, 1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public String put(EntityBareJid owner, RosterItem item) {
        Objects.requireNonNull(item, "item");
        return owners.writeLocked("storing roster item " + item.jid() + " of " + owner, owner, (connection, id) -> {
            try (PreparedStatement upsert = connection.prepareStatement(upsertItem)) {
                upsert.setLong(1, id);
                upsert.setString(2, item.jid().toString());
                upsert.setString(3, item.name());
                upsert.setString(4, item.subscription().attributeValue());
                upsert.setBoolean(5, item.askOut());
                upsert.setBoolean(6, item.pendingIn());
                upsert.setBoolean(7, item.approved());
                upsert.setString(8, groups.write(item.groups()));
                upsert.executeUpdate();
            }
            return nextVersion(connection, id);
        });
    }

    @Override
    public String remove(EntityBareJid owner, BareJid contact) {
        return owners.ifPresentLocked("removing roster item " + contact + " of " + owner, owner, (connection, id) -> {
            if (deleteByContact(connection, DELETE_ITEM, id, contact) == 0) {
                return currentVersion(connection, id);
            }
            return nextVersion(connection, id);
        }, EMPTY_VERSION);
    }

    @Override
    public void putPendingRequest(EntityBareJid owner, BareJid contact, String presenceXml) {
        Objects.requireNonNull(presenceXml, "presenceXml");
        owners.writeLocked("storing the subscription request of " + contact + " to " + owner, owner,
                (connection, id) -> {
                    try (PreparedStatement upsert = connection.prepareStatement(upsertPending)) {
                        upsert.setLong(1, id);
                        upsert.setString(2, contact.toString());
                        upsert.setString(3, presenceXml);
                        return upsert.executeUpdate();
                    }
                });
    }

    @Override
    public Map<BareJid, String> pendingRequests(EntityBareJid owner) {
        return jdbc.run("reading the subscription requests to " + owner, connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT_PENDING)) {
                OwnerTable.bindOwner(select, 1, owner);
                Map<BareJid, String> pending = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        pending.put(JidCreate.bareFromOrThrowUnchecked(rows.getString(1)), rows.getString(2));
                    }
                }
                return Map.copyOf(pending);
            }
        });
    }

    @Override
    public void removePendingRequest(EntityBareJid owner, BareJid contact) {
        owners.ifPresentLocked("removing the subscription request of " + contact + " to " + owner, owner,
                (connection, id) -> deleteByContact(connection, DELETE_PENDING, id, contact), 0);
    }

    @Override
    public void deleteAll(EntityBareJid owner) {
        owners.delete("deleting the roster of " + owner, owner);
    }

    private String currentVersion(Connection connection, long ownerId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_VERSION)) {
            select.setLong(1, ownerId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return String.valueOf(rows.getLong(1));
            }
        }
    }

    private String nextVersion(Connection connection, long ownerId) throws SQLException {
        long current = Long.parseLong(currentVersion(connection, ownerId));
        // A new owner row holds 0, which no roster ever has as its version.
        long next = current == 0 ? versionStart.getAsLong() : current + 1;
        try (PreparedStatement update = connection.prepareStatement(UPDATE_VERSION)) {
            update.setLong(1, next);
            update.setLong(2, ownerId);
            update.executeUpdate();
        }
        return String.valueOf(next);
    }

    private static int deleteByContact(Connection connection, String sql, long ownerId, BareJid contact)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setLong(1, ownerId);
            delete.setString(2, contact.toString());
            return delete.executeUpdate();
        }
    }

    /** The item whose {@link #ITEM_COLUMNS} start at column {@code first}. */
    private RosterItem item(ResultSet rows, int first) throws SQLException {
        return new RosterItem(
                JidCreate.bareFromOrThrowUnchecked(rows.getString(first)),
                rows.getString(first + 1),
                Subscription.fromAttributeValue(rows.getString(first + 2)),
                rows.getBoolean(first + 3),
                rows.getBoolean(first + 4),
                rows.getBoolean(first + 5),
                groups.read(rows.getString(first + 6)));
    }
}
