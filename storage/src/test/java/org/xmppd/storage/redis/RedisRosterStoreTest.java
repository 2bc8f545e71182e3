package org.xmppd.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.xmppd.storage.RosterItem;
import org.xmppd.storage.RosterStore;
import org.xmppd.storage.RosterStoreContract;
import org.xmppd.storage.Subscription;

/** The roster store contract on the real Redis at 127.0.0.1:6379, plus its documented key layout. */
class RedisRosterStoreTest extends RosterStoreContract {
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
    protected RosterStore roster() {
        return redis.storage().roster();
    }

    @Test
    void keysFollowTheDocumentedLayout() {
        EntityBareJid alice = jid("alice");
        String version = roster().put(alice, new RosterItem(jid("bob"), "Bob", Subscription.TO, true, false, false,
                Set.of("B", "A")));
        roster().putPendingRequest(alice, jid("carol"), "<presence type='subscribe'/>");

        String p = redis.prefix();
        assertEquals("{\"n\":\"Bob\",\"s\":\"to\",\"a\":true,\"g\":[\"A\",\"B\"]}",
                redis.direct().hget(p + "roster:" + alice, jid("bob").toString()));
        assertEquals(version, redis.direct().get(p + "rosterver:" + alice));
        assertEquals(Long.parseLong(version) + 1, Long.parseLong(roster().remove(alice, jid("bob"))));
        assertEquals("<presence type='subscribe'/>", redis.direct().hget(p + "pending:" + alice, jid("carol").toString()));
    }
}
