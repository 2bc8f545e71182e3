package org.xmppd.storage.redis;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.xmppd.storage.OpenBackend;
import org.xmppd.storage.RedisConfig;
import org.xmppd.storage.StorageBackend;
import org.xmppd.storage.StorageConfig;
import org.xmppd.storage.StorageException;
import org.xmppd.storage.StoreKind;

import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

/** The Redis backend, {@code redis}: rosters and presence, through a pooled Jedis client. */
public final class RedisBackend implements StorageBackend {
    public static final String NAME = "redis";

    @Override
    public String name() {
        return NAME;
    }

    /** Rosters and presence only: offline messages need durability Redis does not promise by default. */
    @Override
    public Set<StoreKind> stores() {
        return EnumSet.of(StoreKind.ROSTER, StoreKind.PRESENCE);
    }

    /** Connects once (PING), so a wrong address or password fails here and not on first use. */
    @Override
    public OpenBackend open(StorageConfig config, Path dataDir) {
        RedisConfig redis = config.redis();
        String where = "Redis at " + redis.address();
        JedisPooled jedis = new JedisPooled(new HostAndPort(redis.host(), redis.port()), client(redis), pool(redis));
        try {
            jedis.ping();
        } catch (JedisException e) {
            jedis.close();
            throw new StorageException(where + " " + RedisExecutor.describe(e), e);
        }
        return new RedisStores(jedis, new RedisExecutor(jedis, where), new RedisKeys(redis.keyPrefix()));
    }

    private static DefaultJedisClientConfig client(RedisConfig redis) {
        return DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(redis.timeoutMs())
                .socketTimeoutMillis(redis.timeoutMs())
                .password(redis.password())
                .database(redis.database())
                .clientName("xmppd")
                .build();
    }

    private static ConnectionPoolConfig pool(RedisConfig redis) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(redis.maxPoolSize());
        pool.setMaxIdle(redis.maxPoolSize());
        // A caller waits at most the timeout for a free connection, never forever.
        pool.setBlockWhenExhausted(true);
        pool.setMaxWait(Duration.ofMillis(redis.timeoutMs()));
        // After a Redis restart every idle connection is dead; checking on borrow (a PING)
        // replaces them, so the first call after Redis returns already works.
        pool.setTestOnBorrow(true);
        // No process-wide JMX registration: two servers may run in one JVM.
        pool.setJmxEnabled(false);
        return pool;
    }
}
