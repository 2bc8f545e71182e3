package org.xmppd.server.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.PresenceBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.server.TestServer;
import org.xmppd.storage.RedisConfig;
import org.xmppd.storage.StorageConfig;
import org.xmppd.storage.redis.RedisServerProcess;

/**
 * Issue 3: Redis lost while the server runs. Rosters and presence live in a throw-away
 * {@code redis-server} that keeps an append-only file, which the test stops and starts again:
 * connected clients keep their sessions and can chat, what needs Redis gets a clear stanza
 * error without ending the stream, a session lost meanwhile is still announced where no
 * roster is needed, nothing stored before is lost, and rosters and presence work
 * again once Redis is back, without restarting the server.
 */
class RedisOutageServerTest extends ImTestBase {
    private static final int TIMEOUT_MS = 500;
    private static final String STORAGE_DOWN = "The server's storage is unavailable; try again later";

    @TempDir
    static Path redisDir;
    private static RedisServerProcess redis;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(RedisServerProcess.available(),
                "redis-server is not on the PATH: this test needs a Redis it can stop and start");
        redis = RedisServerProcess.startPersistent(redisDir);
        RedisConfig config = new RedisConfig("127.0.0.1", redis.port(), null, 0, 4, TIMEOUT_MS, "xmppd:");
        server = new TestServer(c -> c.withStorage(new StorageConfig(c.storage().defaultBackend(),
                Map.of("roster", "redis", "presence", "redis"), c.storage().h2(), c.storage().mysql(), config)));
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (server != null) {
                server.stop();
            }
        } finally {
            if (redis != null) {
                redis.kill();
            }
        }
    }

    @Override
    protected TestServer server() {
        return server;
    }

    @Test
    void sessionsOutliveAnOutageAndRostersAndPresenceReturnWithRedis() throws Exception {
        String aliceName = newAccount("alice");
        ImClient alice = online(aliceName, "desk", 1);
        ImClient bob = online(newAccount("bob"), "phone", 1);
        subscribeBothWays(alice, bob);
        BareJid carol = JidCreate.bareFrom(newAccount("carol") + "@localhost");
        alice.roster().createItem(carol, "Carol", new String[] {"Friends"});
        alice.nextPush(carol);
        ImClient phone = online(aliceName, "phone", 0);
        ImClient dave = online(newAccount("dave"), "desk", 0);
        phone.sendAndSync(PresenceBuilder.buildPresence().to(dave.jid()).build());
        dave.nextPresence(Presence.Type.available, phone.jid());

        redis.stop();

        // A session lost meanwhile: its own account's resources and directed presence
        // recipients are told (contacts cannot be: their subscriptions are in Redis).
        EntityFullJid lost = phone.jid();
        phone.kill();
        alice.nextPresence(Presence.Type.unavailable, lost);
        dave.nextPresence(Presence.Type.unavailable, lost);

        // Sessions stay up, and one-to-one chat needs no Redis.
        alice.chat(bob.jid(), "still there?");
        assertEquals("still there?", bob.nextMessage().getBody());
        bob.chat(alice.bare(), "yes");
        assertEquals("yes", alice.nextMessage().getBody());

        // A new login works (accounts are not in Redis); what needs Redis fails with a clear error.
        ImClient tablet = loginWithoutRoster(aliceName, "tablet");
        StanzaError rosterError = RawIq.errorOf(tablet.connection(),
                new RawIq(IQ.Type.get, null, RosterPacket.ELEMENT, RosterPacket.NAMESPACE, ""));
        assertEquals(StanzaError.Condition.internal_server_error, rosterError.getCondition());
        assertEquals(STORAGE_DOWN, rosterError.getDescriptiveText());
        tablet.connection().sendStanza(PresenceBuilder.buildPresence().ofType(Presence.Type.available).build());
        Presence refused = tablet.nextPresence(p -> p.getType() == Presence.Type.error);
        assertEquals(StanzaError.Condition.internal_server_error, refused.getError().getCondition());
        assertEquals(STORAGE_DOWN, refused.getError().getDescriptiveText());
        // The stream survived the errors.
        tablet.sync();
        alice.sync();
        bob.sync();

        redis.start();

        // Nothing stored before the outage is lost.
        RosterPacket roster = (RosterPacket) RawIq.resultOf(tablet.connection(),
                new RawIq(IQ.Type.get, null, RosterPacket.ELEMENT, RosterPacket.NAMESPACE, ""));
        Map<BareJid, RosterPacket.Item> items = new HashMap<>();
        roster.getRosterItems().forEach(item -> items.put(item.getJid(), item));
        assertEquals(RosterPacket.ItemType.both, items.get(bob.bare()).getItemType());
        assertEquals("Carol", items.get(carol).getName());
        assertEquals(Set.of("Friends"), items.get(carol).getGroupNames());
        assertEquals(2, items.size(), roster.toXML().toString());

        // Presence works again: the tablet's initial presence reaches bob, and bob's comes back (a probe).
        tablet.available(0);
        bob.nextPresence(Presence.Type.available, tablet.jid());
        tablet.nextPresence(Presence.Type.available, bob.jid());
        // Roster changes are stored and pushed again.
        BareJid erin = JidCreate.bareFrom(newAccount("erin") + "@localhost");
        alice.roster().createItem(erin, "Erin", null);
        assertEquals("Erin", alice.nextPush(erin).getName());
        assertTrue(server.storage().roster().item(alice.bare(), erin).isPresent(), "stored in Redis");
    }
}
