package org.xmppd.server.modules.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smackx.iqregister.AccountManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityFullJid;
import org.xmppd.server.TestServer;
import org.xmppd.server.modules.ImClient;
import org.xmppd.server.modules.ImTestBase;
import org.xmppd.server.modules.RedisImServer;
import org.xmppd.storage.Subscription;

/**
 * XEP-0077 §3.2 account removal with rosters and presence in Redis (the H2 case is in
 * {@link RegistrationTest}): the contact is told, and the Redis roster is gone.
 */
class AccountRemovalRedisTest extends ImTestBase {
    @RegisterExtension
    static final RedisImServer REDIS = new RedisImServer();
    @RegisterExtension
    static final TestServer SERVER = REDIS.server();

    @Override
    protected TestServer server() {
        return SERVER;
    }

    @Test
    void removalCancelsSubscriptionsAndDeletesTheRedisRoster() throws Exception {
        ImClient mallory = online(newAccount("mallory"), "desk", 0);
        ImClient nina = online(newAccount("nina"), "desk", 0);
        subscribeBothWays(mallory, nina);
        EntityFullJid gone = mallory.jid();

        AccountManager.getInstance(mallory.connection()).deleteAccount();

        Set<Presence.Type> seen = new HashSet<>();
        Set<Presence.Type> expected = Set.of(Presence.Type.unavailable, Presence.Type.unsubscribe,
                Presence.Type.unsubscribed);
        while (!seen.containsAll(expected)) {
            seen.add(nina.nextPresence(p -> gone.asBareJid().equals(p.getFrom().asBareJid())).getType());
        }
        assertTrue(SERVER.storage().roster().roster(mallory.bare()).items().isEmpty(), "roster deleted");
        assertEquals(Subscription.NONE,
                SERVER.storage().roster().item(nina.bare(), mallory.bare()).orElseThrow().subscription());
        assertFalse(SERVER.storage().users().exists(mallory.bare()));
    }
}
