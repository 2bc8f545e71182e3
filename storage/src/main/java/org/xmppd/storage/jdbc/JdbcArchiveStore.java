package org.xmppd.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jxmpp.jid.EntityBareJid;
import org.xmppd.storage.ArchiveIds;
import org.xmppd.storage.ArchivePage;
import org.xmppd.storage.ArchiveQuery;
import org.xmppd.storage.ArchiveStore;
import org.xmppd.storage.ArchivedMessage;

/**
 * {@link ArchiveStore} on any {@link SqlDialect}: one row per message keyed by (owner, id), where
 * the id is time-ordered, so pages are index range scans ({@code LIMIT max + 1} tells whether the
 * page is complete) and never count or skip rows.
 */
final class JdbcArchiveStore implements ArchiveStore {
    private static final String COLUMNS = "id, with_jid, with_resource, outgoing, origin_id, stanza";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM archive_messages WHERE owner_id = ?";
    private static final int DELETE_CHUNK = 500;

    private final JdbcExecutor jdbc;
    private final ArchiveOwners owners;
    private final String upsert;

    JdbcArchiveStore(JdbcExecutor jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.owners = new ArchiveOwners(jdbc, dialect);
        this.upsert = dialect.upsert("archive_messages", List.of("owner_id", "id"),
                List.of("with_jid", "with_resource", "outgoing", "origin_id", "stanza"));
    }

    @Override
    public void append(List<ArchivedMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        Map<EntityBareJid, Long> ownerIds = new LinkedHashMap<>();
        for (ArchivedMessage message : messages) {
            ownerIds.computeIfAbsent(message.archive(), owners::idOrCreate);
        }
        jdbc.transaction("archiving " + messages.size() + " messages", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(upsert)) {
                for (ArchivedMessage m : messages) {
                    insert.setLong(1, ownerIds.get(m.archive()));
                    insert.setLong(2, m.id());
                    insert.setString(3, m.with());
                    insert.setString(4, m.withResource());
                    insert.setBoolean(5, m.outgoing());
                    insert.setString(6, m.originId());
                    insert.setString(7, m.stanzaXml());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public ArchivePage query(EntityBareJid archive, ArchiveQuery query) {
        Long owner = owners.idOrNull(archive);
        long lower = query.lowerExclusive();
        long upper = query.upperExclusive();
        if (owner == null || lower >= upper - 1 || (query.ids() != null && query.ids().isEmpty())) {
            return new ArchivePage(List.of(), true);
        }
        StringBuilder sql = new StringBuilder(SELECT).append(" AND id > ? AND id < ?");
        List<Object> parameters = new ArrayList<>(List.of(owner, lower, upper));
        if (query.with() != null) {
            sql.append(" AND with_jid = ?");
            parameters.add(query.with());
        }
        if (query.withResource() != null) {
            sql.append(" AND with_resource = ?");
            parameters.add(query.withResource());
        }
        if (query.ids() != null) {
            sql.append(" AND id IN (").append(SqlDialect.placeholders(query.ids().size())).append(')');
            parameters.addAll(query.ids());
        }
        sql.append(" ORDER BY ").append(order(query)).append(" LIMIT ?");
        parameters.add(query.max() + 1);
        List<ArchivedMessage> rows = jdbc.run("querying the archive of " + archive, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < parameters.size(); i++) {
                    select.setObject(i + 1, parameters.get(i));
                }
                return read(archive, select);
            }
        });
        boolean complete = rows.size() <= query.max();
        List<ArchivedMessage> page = new ArrayList<>(rows.subList(0, Math.min(rows.size(), query.max())));
        if (query.fromEnd()) {
            Collections.reverse(page);
        }
        return new ArchivePage(page, complete);
    }

    /**
     * The sort that lets the database walk an index from the page's bound and stop after the page
     * (H2 only sees an index as sorted when the order names its equality columns too); with ids,
     * the few named rows are looked up and sorted.
     */
    private static String order(ArchiveQuery query) {
        String direction = query.fromEnd() ? " DESC" : " ASC";
        if (query.ids() != null) {
            return "id" + direction;
        }
        String with = query.with() == null ? "" : ", with_jid" + direction;
        return "owner_id" + direction + with + ", id" + direction;
    }

    @Override
    public Optional<ArchivedMessage> find(EntityBareJid archive, long id) {
        return selectOne(archive, SELECT + " AND id = ?", id);
    }

    @Override
    public Optional<ArchivedMessage> findByOriginId(EntityBareJid archive, String with, String originId) {
        if (originId == null || originId.isEmpty() || originId.length() > ArchivedMessage.MAX_ORIGIN_ID_CHARS) {
            return Optional.empty();
        }
        return selectOne(archive, SELECT + " AND origin_id = ? AND with_jid = ? ORDER BY id DESC LIMIT 1",
                originId, with);
    }

    @Override
    public boolean replace(EntityBareJid archive, long id, String stanzaXml) {
        Long owner = owners.idOrNull(archive);
        if (owner == null) {
            return false;
        }
        return jdbc.run("replacing an archived message of " + archive, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE archive_messages SET stanza = ? WHERE owner_id = ? AND id = ?")) {
                update.setString(1, stanzaXml);
                update.setLong(2, owner);
                update.setLong(3, id);
                return update.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean delete(EntityBareJid archive, long id) {
        Long owner = owners.idOrNull(archive);
        if (owner == null) {
            return false;
        }
        return jdbc.run("deleting an archived message of " + archive, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM archive_messages WHERE owner_id = ? AND id = ?")) {
                delete.setLong(1, owner);
                delete.setLong(2, id);
                return delete.executeUpdate() > 0;
            }
        });
    }

    @Override
    public void deleteArchive(EntityBareJid archive) {
        owners.delete(archive);
    }

    @Override
    public int removeOlderThan(Instant cutoff, int limit) {
        long bound = ArchiveIds.firstOf(cutoff);
        return jdbc.transaction("removing archived messages older than " + cutoff, connection -> {
            List<long[]> keys = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT owner_id, id FROM archive_messages WHERE id < ? ORDER BY id LIMIT ?")) {
                select.setLong(1, bound);
                select.setInt(2, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        keys.add(new long[] {rows.getLong(1), rows.getLong(2)});
                    }
                }
            }
            return deleteKeys(connection, keys);
        });
    }

    @Override
    public int trim(EntityBareJid archive, int keep) {
        Long owner = owners.idOrNull(archive);
        if (owner == null) {
            return 0;
        }
        return jdbc.run("trimming the archive of " + archive, connection -> {
            long oldestKept = Long.MAX_VALUE;
            if (keep > 0) {
                try (PreparedStatement select = connection.prepareStatement("SELECT id FROM archive_messages"
                        + " WHERE owner_id = ? ORDER BY owner_id DESC, id DESC LIMIT 1 OFFSET ?")) {
                    select.setLong(1, owner);
                    select.setInt(2, keep - 1);
                    try (ResultSet rows = select.executeQuery()) {
                        if (!rows.next()) {
                            return 0;
                        }
                        oldestKept = rows.getLong(1);
                    }
                }
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM archive_messages WHERE owner_id = ? AND id < ?")) {
                delete.setLong(1, owner);
                delete.setLong(2, oldestKept);
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public List<EntityBareJid> archives(EntityBareJid after, int limit) {
        return owners.list(after, limit);
    }

    @Override
    public Optional<ArchiveBounds> bounds(EntityBareJid archive) {
        Long owner = owners.idOrNull(archive);
        if (owner == null) {
            return Optional.empty();
        }
        return jdbc.run("reading the bounds of the archive of " + archive, connection -> {
            Long first = end(connection, owner, "ASC");
            return first == null ? Optional.<ArchiveBounds>empty()
                    : Optional.of(new ArchiveBounds(first, end(connection, owner, "DESC")));
        });
    }

    /** The first id of the archive in {@code direction}, read from the index; null when empty. */
    private static Long end(Connection connection, long owner, String direction) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM archive_messages WHERE owner_id = ?"
                + " ORDER BY owner_id " + direction + ", id " + direction + " LIMIT 1")) {
            select.setLong(1, owner);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        }
    }

    private Optional<ArchivedMessage> selectOne(EntityBareJid archive, String sql, Object... parameters) {
        Long owner = owners.idOrNull(archive);
        if (owner == null) {
            return Optional.empty();
        }
        return jdbc.run("reading the archive of " + archive, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setLong(1, owner);
                for (int i = 0; i < parameters.length; i++) {
                    select.setObject(i + 2, parameters[i]);
                }
                return read(archive, select).stream().findFirst();
            }
        });
    }

    private static int deleteKeys(Connection connection, List<long[]> keys) throws SQLException {
        if (keys.isEmpty()) {
            return 0;
        }
        int removed = 0;
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM archive_messages WHERE owner_id = ? AND id = ?")) {
            for (int i = 0; i < keys.size(); i++) {
                delete.setLong(1, keys.get(i)[0]);
                delete.setLong(2, keys.get(i)[1]);
                delete.addBatch();
                if ((i + 1) % DELETE_CHUNK == 0 || i == keys.size() - 1) {
                    for (int count : delete.executeBatch()) {
                        removed += Math.max(count, 0);
                    }
                }
            }
        }
        return removed;
    }

    private static List<ArchivedMessage> read(EntityBareJid archive, PreparedStatement select) throws SQLException {
        List<ArchivedMessage> messages = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                messages.add(new ArchivedMessage(archive, rows.getLong(1), rows.getString(2), rows.getString(3),
                        rows.getBoolean(4), rows.getString(5), rows.getString(6)));
            }
        }
        return messages;
    }
}
