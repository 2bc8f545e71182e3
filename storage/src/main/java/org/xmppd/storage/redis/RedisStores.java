package org.xmppd.storage.redis;

import org.xmppd.storage.ArchiveStore;
import org.xmppd.storage.NodeStore;
import org.xmppd.storage.OfflineStore;
import org.xmppd.storage.OpenBackend;
import org.xmppd.storage.PresenceStore;
import org.xmppd.storage.RosterStore;
import org.xmppd.storage.RosterVersions;
import org.xmppd.storage.RoomStore;
import org.xmppd.storage.UserDataStore;
import org.xmppd.storage.UserStore;

import redis.clients.jedis.JedisPooled;

/** One connected Redis: its connection pool and the stores on top. */
final class RedisStores implements OpenBackend {
    private final JedisPooled jedis;
    private final RosterStore roster;
    private final PresenceStore presence;

    RedisStores(JedisPooled jedis, RedisExecutor redis, RedisKeys keys) {
        this.jedis = jedis;
        this.roster = new RedisRosterStore(redis, keys, RosterVersions::randomStart);
        this.presence = new RedisPresenceStore(redis, keys);
    }

    /** Not held here (see {@link RedisBackend#stores()}); {@code Storage} never asks. */
    @Override
    public UserStore users() {
        throw new UnsupportedOperationException("The redis backend holds only rosters and presence");
    }

    @Override
    public RosterStore roster() {
        return roster;
    }

    @Override
    public PresenceStore presence() {
        return presence;
    }

    /** Not held here (see {@link RedisBackend#stores()}); {@code Storage} never asks. */
    @Override
    public OfflineStore offline() {
        throw new UnsupportedOperationException("The redis backend holds only rosters and presence");
    }

    /** Not held here (see {@link RedisBackend#stores()}); {@code Storage} never asks. */
    @Override
    public UserDataStore userData() {
        throw new UnsupportedOperationException("The redis backend holds only rosters and presence");
    }

    @Override
    public RoomStore rooms() {
        throw new UnsupportedOperationException("The redis backend holds only rosters and presence");
    }

    @Override
    public NodeStore nodes() {
        throw new UnsupportedOperationException("The redis backend holds only rosters and presence");
    }

    @Override
    public ArchiveStore archive() {
        throw new UnsupportedOperationException("The redis backend holds only rosters and presence");
    }

    @Override
    public void close() {
        jedis.close();
    }
}
