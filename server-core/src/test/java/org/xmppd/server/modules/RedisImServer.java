package org.xmppd.server.modules;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.xmppd.server.TestServer;
import org.xmppd.storage.RedisConfig;
import org.xmppd.storage.StorageConfig;
import redis.clients.jedis.Jedis;

/**
 * The IM tests' Redis variant: rosters and presence in the real Redis at 127.0.0.1:6379 (as
 * the design card asks), under a key prefix of its own that is deleted afterwards, so
 * runs never see each other. Register it before the server, so its clean-up runs last:
 * <pre>
 * &#64;RegisterExtension static final RedisImServer REDIS = new RedisImServer();
 * &#64;RegisterExtension static final TestServer SERVER = REDIS.server();
 * </pre>
 */
public final class RedisImServer implements AfterAllCallback {
    private final String prefix = "xmppd-test-" + UUID.randomUUID() + ":";

    /** A server keeping rosters and presence in Redis, everything else in H2. */
    public TestServer server() {
        return new TestServer(config -> config.withStorage(new StorageConfig(config.storage().defaultBackend(),
                Map.of("roster", "redis", "presence", "redis"), config.storage().h2(), config.storage().mysql(),
                new RedisConfig(null, 0, null, 0, 0, 0, prefix))));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try (Jedis jedis = new Jedis(RedisConfig.DEFAULT_HOST, RedisConfig.DEFAULT_PORT)) {
            Set<String> keys = jedis.keys(prefix + "*");
            if (!keys.isEmpty()) {
                jedis.del(keys.toArray(String[]::new));
            }
        }
    }
}
