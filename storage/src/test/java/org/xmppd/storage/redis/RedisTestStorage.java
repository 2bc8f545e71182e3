package org.xmppd.storage.redis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.xmppd.storage.RedisConfig;
import org.xmppd.storage.Storage;
import org.xmppd.storage.StorageConfig;

import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Storage with rosters and presence on the real Redis at 127.0.0.1:6379 under a random key
 * prefix (everything else on H2 in a temporary directory); closing deletes every key under the
 * prefix. An unreachable Redis fails the test class: CI starts it.
 */
final class RedisTestStorage implements AutoCloseable {
    static final String HOST = "127.0.0.1";
    static final int PORT = 6379;

    private final String prefix = "xmppd-test-" + UUID.randomUUID() + ":";
    private final Path dataDir;
    private final Storage storage;
    private final JedisPooled direct = new JedisPooled(HOST, PORT);

    RedisTestStorage() throws IOException {
        dataDir = Files.createTempDirectory("xmppd-redis-test");
        RedisConfig redis = new RedisConfig(HOST, PORT, null, 0, 4, 2000, prefix);
        storage = Storage.open(new StorageConfig("h2", Map.of("roster", "redis", "presence", "redis"), null, null,
                redis), dataDir);
    }

    Storage storage() {
        return storage;
    }

    String prefix() {
        return prefix;
    }

    /** A plain client on the same Redis, for looking at the raw keys. */
    JedisPooled direct() {
        return direct;
    }

    @Override
    public void close() throws IOException {
        try {
            storage.close();
            deleteKeys();
        } finally {
            direct.close();
            deleteTree(dataDir);
        }
    }

    private void deleteKeys() {
        ScanParams match = new ScanParams().match(prefix + "*").count(1000);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = direct.scan(cursor, match);
            if (!page.getResult().isEmpty()) {
                direct.del(page.getResult().toArray(String[]::new));
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
