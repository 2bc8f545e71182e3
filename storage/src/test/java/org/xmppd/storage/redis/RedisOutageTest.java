package org.xmppd.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.storage.RedisConfig;
import org.xmppd.storage.RosterItem;
import org.xmppd.storage.Storage;
import org.xmppd.storage.StorageConfig;
import org.xmppd.storage.StorageException;
import org.xmppd.storage.Subscription;

/**
 * Redis lost and regained while the server runs, against a second, throw-away
 * {@code redis-server} this test starts, stops and freezes: calls fail with a clear message
 * within a bound set by the timeout, and work again once Redis is back, without reopening.
 */
class RedisOutageTest {
    private static final int TIMEOUT_MS = 500;
    /** A call may wait for a pooled connection's check and a fresh connect: two timeouts, plus slack. */
    private static final Duration MAX_FAILURE_TIME = Duration.ofMillis(4 * TIMEOUT_MS + 1000);
    private static final EntityBareJid ALICE = JidCreate.entityBareFromOrThrowUnchecked("alice@example.org");
    private static final EntityFullJid ALICE_PHONE = JidCreate.entityFullFromOrThrowUnchecked("alice@example.org/phone");
    private static final RosterItem BOB = RosterItem.of(JidCreate.bareFromOrThrowUnchecked("bob@example.org"),
            Subscription.BOTH);

    @TempDir
    Path dataDir;
    @TempDir
    Path redisDir;

    private RedisServerProcess redis;
    private Storage storage;

    @BeforeEach
    void startRedis() throws IOException, InterruptedException {
        assumeTrue(RedisServerProcess.available(),
                "redis-server is not on the PATH: this test needs a second Redis it can stop and restart");
        redis = RedisServerProcess.start(redisDir);
        RedisConfig config = new RedisConfig("127.0.0.1", redis.port(), null, 0, 4, TIMEOUT_MS, "xmppd:");
        storage = Storage.open(new StorageConfig("h2", Map.of("roster", "redis", "presence", "redis"), null, null,
                config), dataDir);
    }

    @AfterEach
    void stopRedis() throws InterruptedException {
        try {
            if (storage != null) {
                storage.close();
            }
        } finally {
            if (redis != null) {
                redis.kill();
            }
        }
    }

    @Test
    void lostRedisFailsCallsClearlyAndReturningRedisServesThemAgain() throws Exception {
        storage.roster().put(ALICE, BOB);
        storage.presence().setResourcePresence(ALICE_PHONE, "<presence/>", "n1");

        redis.stop();
        assertFailsQuicklyNamingRedis(() -> storage.roster().roster(ALICE), "is unreachable");
        assertFailsQuicklyNamingRedis(() -> storage.presence().onlineResources(ALICE), "is unreachable");
        assertFailsQuicklyNamingRedis(() -> storage.roster().put(ALICE, BOB), "is unreachable");

        redis.start();
        // This Redis keeps nothing across restarts (no RDB/AOF), so the roster starts empty again.
        assertEquals(List.of(), storage.roster().roster(ALICE).items());
        String version = storage.roster().put(ALICE, BOB);
        assertEquals(version, storage.roster().roster(ALICE).version());
        storage.presence().setResourcePresence(ALICE_PHONE, "<presence/>", "n1");
        assertEquals(Map.of(ALICE_PHONE, "<presence/>"), storage.presence().onlineResources(ALICE));
    }

    @Test
    void unresponsiveRedisFailsCallsWithinTheTimeout() throws Exception {
        storage.roster().put(ALICE, BOB);
        redis.signal("STOP");
        try {
            assertFailsQuicklyNamingRedis(() -> storage.roster().roster(ALICE), "Redis");
            assertFailsQuicklyNamingRedis(() -> storage.presence().lastActivity(ALICE), "Redis");
        } finally {
            redis.signal("CONT");
        }
        assertEquals(List.of(BOB), storage.roster().roster(ALICE).items());
    }

    private void assertFailsQuicklyNamingRedis(Executable call, String reason) {
        long start = System.nanoTime();
        StorageException e = assertThrows(StorageException.class, call);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String where = "Redis at 127.0.0.1:" + redis.port() + ": ";
        assertTrue(e.getMessage().startsWith(where), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertTrue(took.compareTo(MAX_FAILURE_TIME) < 0, "took " + took + ": " + e.getMessage());
    }
}
