package org.xmppd.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xmppd.storage.PresenceStore;
import org.xmppd.storage.PresenceStoreContract;
import org.xmppd.storage.WriteBehindPresenceStore;

/** The presence store contract on the real Redis at 127.0.0.1:6379, plus its documented key layout. */
class RedisPresenceStoreTest extends PresenceStoreContract {
    private static RedisTestStorage redis;

    @BeforeAll
    static void open() throws IOException {
        redis = new RedisTestStorage();
    }

    @AfterAll
    static void close() throws IOException {
        if (redis != null) {
            redis.close();
        }
    }

    @Override
    protected PresenceStore presence() {
        return redis.storage().presence();
    }

    @Test
    void keysFollowTheDocumentedLayout() {
        presence().setResourcePresence(full("alice", "phone"), "<presence/>", "n1");
        presence().setLastActivity(jid("alice"), Instant.ofEpochMilli(1234), "away");
        presence().setLastActivity(jid("bob"), Instant.ofEpochMilli(5678), null);
        ((WriteBehindPresenceStore) presence()).flush();

        String p = redis.prefix();
        assertEquals("n1|<presence/>", redis.direct().hget(p + "presence:" + jid("alice"), "phone"));
        assertEquals(Set.of(full("alice", "phone").toString()), redis.direct().smembers(p + "node:n1"));
        assertEquals("1234|away", redis.direct().get(p + "last:" + jid("alice")));
        assertEquals("5678", redis.direct().get(p + "last:" + jid("bob")));
        presence().clearNode("n1");
        assertEquals(Set.of(), redis.direct().smembers(p + "node:n1"));
    }
}
