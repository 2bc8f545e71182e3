package org.xmppd.storage.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.xmppd.storage.StorageException;

/**
 * The {@code archive_owners} rows, with their ids cached: every archived message needs its
 * owner's id, and owners are few and long-lived.
 */
final class ArchiveOwners {
    /** Past this many cached owners the cache starts again, so it stays small on big servers. */
    private static final int MAX_CACHED = 100_000;

    private final JdbcExecutor jdbc;
    private final OwnerTable table;
    private final Map<EntityBareJid, Long> ids = new ConcurrentHashMap<>();

    ArchiveOwners(JdbcExecutor jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.table = new OwnerTable(jdbc, dialect, "archive_owners");
    }

    /** The owner's id, or null when it has no archive. */
    Long idOrNull(EntityBareJid owner) {
        Long cached = ids.get(owner);
        if (cached != null) {
            return cached;
        }
        Long id = jdbc.run("finding the archive of " + owner, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id FROM archive_owners WHERE domain = ? AND localpart = ?")) {
                OwnerTable.bindOwner(select, 1, owner);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? rows.getLong(1) : null;
                }
            }
        });
        if (id != null) {
            remember(owner, id);
        }
        return id;
    }

    /** The owner's id, creating its row when absent. */
    long idOrCreate(EntityBareJid owner) {
        Long id = idOrNull(owner);
        if (id != null) {
            return id;
        }
        table.create("creating the archive of " + owner, owner);
        id = idOrNull(owner);
        if (id == null) {
            throw new StorageException("The archive of " + owner + " vanished while being created");
        }
        return id;
    }

    /** Deletes the owner and, by cascade, its messages. */
    void delete(EntityBareJid owner) {
        ids.remove(owner);
        table.delete("deleting the archive of " + owner, owner);
        ids.remove(owner);
    }

    /** Owners in (domain, localpart) order after {@code after}. */
    List<EntityBareJid> list(EntityBareJid after, int limit) {
        String where = after == null ? "" : " WHERE domain > ? OR (domain = ? AND localpart > ?)";
        return jdbc.run("listing archives", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT domain, localpart FROM archive_owners"
                    + where + " ORDER BY domain, localpart LIMIT ?")) {
                int next = 1;
                if (after != null) {
                    select.setString(next++, after.asDomainBareJid().toString());
                    OwnerTable.bindOwner(select, next, after);
                    next += 2;
                }
                select.setInt(next, limit);
                List<EntityBareJid> owners = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        owners.add(jid(rows.getString(1), rows.getString(2)));
                    }
                }
                return owners;
            }
        });
    }

    private void remember(EntityBareJid owner, long id) {
        if (ids.size() >= MAX_CACHED) {
            ids.clear();
        }
        ids.put(owner, id);
    }

    private static EntityBareJid jid(String domain, String localpart) {
        try {
            return JidCreate.entityBareFrom(localpart + "@" + domain);
        } catch (XmppStringprepException e) {
            throw new StorageException("A stored archive owner is not a JID: " + localpart + "@" + domain, e);
        }
    }
}
