package org.xmppd.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The behaviour every {@link PresenceStore} backend must show. Subclasses only supply the store.
 * Each test works in its own random domain and node ids, so a backend may share one database.
 */
public abstract class PresenceStoreContract {
    private final String domain = "d" + UUID.randomUUID().toString().replace("-", "") + ".example";
    private final String node1 = "node1-" + UUID.randomUUID();
    private final String node2 = "node2-" + UUID.randomUUID();

    /** The store under test; the same instance for the whole test. */
    protected abstract PresenceStore presence();

    @Test
    void unknownAccountHasNothing() {
        assertEquals(Map.of(), presence().onlineResources(jid("alice")));
        assertEquals(Optional.empty(), presence().lastActivity(jid("alice")));
        presence().removeResource(full("alice", "phone"));
    }

    @Test
    void resourcesAreListedWithTheirLastPresence() {
        presence().setResourcePresence(full("alice", "phone"), "<presence/>", node1);
        presence().setResourcePresence(full("alice", "laptop"), "<presence><show>away</show></presence>", node2);
        presence().setResourcePresence(full("alice", "phone"), "<presence><show>dnd</show></presence>", node1);
        assertEquals(Map.of(full("alice", "phone"), "<presence><show>dnd</show></presence>",
                full("alice", "laptop"), "<presence><show>away</show></presence>"),
                presence().onlineResources(jid("alice")));
    }

    @Test
    void removedResourceIsGone() {
        presence().setResourcePresence(full("alice", "phone"), "<presence/>", node1);
        presence().setResourcePresence(full("alice", "laptop"), "<presence/>", node1);
        presence().removeResource(full("alice", "phone"));
        assertEquals(Map.of(full("alice", "laptop"), "<presence/>"), presence().onlineResources(jid("alice")));
    }

    @Test
    void clearNodeForgetsOnlyThatNodesResources() {
        presence().setResourcePresence(full("alice", "phone"), "<presence/>", node1);
        presence().setResourcePresence(full("bob", "desk"), "<presence/>", node1);
        presence().setResourcePresence(full("alice", "laptop"), "<presence/>", node2);
        presence().clearNode(node1);
        assertEquals(Map.of(full("alice", "laptop"), "<presence/>"), presence().onlineResources(jid("alice")));
        assertEquals(Map.of(), presence().onlineResources(jid("bob")));
        presence().clearNode(node1);
    }

    @Test
    void aResourceThatMovedNodesBelongsToTheNewNode() {
        presence().setResourcePresence(full("alice", "phone"), "<presence>old</presence>", node1);
        presence().setResourcePresence(full("alice", "phone"), "<presence>new</presence>", node2);
        presence().clearNode(node1);
        assertEquals(Map.of(full("alice", "phone"), "<presence>new</presence>"),
                presence().onlineResources(jid("alice")));
        presence().clearNode(node2);
        assertEquals(Map.of(), presence().onlineResources(jid("alice")));
    }

    @Test
    void lastActivityRoundTripsWithMillisecondPrecision() {
        Instant when = Instant.parse("2024-05-06T07:08:09.123456789Z");
        presence().setLastActivity(jid("alice"), when, "Gone fishing \uD83C\uDFA3");
        assertEquals(Optional.of(new LastActivity(Instant.parse("2024-05-06T07:08:09.123Z"), "Gone fishing \uD83C\uDFA3")),
                presence().lastActivity(jid("alice")));

        Instant later = when.plusSeconds(60);
        presence().setLastActivity(jid("alice"), later, null);
        assertEquals(Optional.of(new LastActivity(Instant.ofEpochMilli(later.toEpochMilli()), null)),
                presence().lastActivity(jid("alice")));
    }

    @Test
    void emptyStatusStaysEmpty() {
        Instant when = Instant.ofEpochMilli(1_700_000_000_000L);
        presence().setLastActivity(jid("alice"), when, "");
        assertEquals(Optional.of(new LastActivity(when, "")), presence().lastActivity(jid("alice")));
    }

    @Test
    void deleteAllForgetsResourcesAndLastActivity() {
        presence().setResourcePresence(full("alice", "phone"), "<presence/>", node1);
        presence().setLastActivity(jid("alice"), Instant.ofEpochMilli(1000), "bye");
        presence().setResourcePresence(full("bob", "desk"), "<presence/>", node1);
        presence().deleteAll(jid("alice"));
        assertEquals(Map.of(), presence().onlineResources(jid("alice")));
        assertEquals(Optional.empty(), presence().lastActivity(jid("alice")));
        assertEquals(Map.of(full("bob", "desk"), "<presence/>"), presence().onlineResources(jid("bob")));
    }

    @Test
    void accountsAreIsolated() {
        EntityFullJid otherDomain = JidCreate.entityFullFromOrThrowUnchecked("alice@other." + domain + "/phone");
        presence().setResourcePresence(full("alice", "phone"), "<presence>a</presence>", node1);
        presence().setResourcePresence(otherDomain, "<presence>b</presence>", node1);
        presence().setLastActivity(jid("bob"), Instant.ofEpochMilli(5000), null);
        assertEquals(Map.of(full("alice", "phone"), "<presence>a</presence>"), presence().onlineResources(jid("alice")));
        assertEquals(Map.of(otherDomain, "<presence>b</presence>"),
                presence().onlineResources(otherDomain.asEntityBareJid()));
        assertEquals(Optional.empty(), presence().lastActivity(jid("alice")));
    }

    @Test
    void nonAsciiJidsAndStanzasRoundTrip() {
        EntityFullJid juliet = JidCreate.entityFullFromOrThrowUnchecked(
                "j\u00fcl\u00efet-\u6f22\u5b57@" + domain + "/b\u00e4lcony \uD83C\uDF39");
        String stanza = "<presence><status>\u00e0 bient\u00f4t \uD83D\uDE00</status></presence>";
        presence().setResourcePresence(juliet, stanza, node1);
        assertEquals(Map.of(juliet, stanza), presence().onlineResources(juliet.asEntityBareJid()));
        presence().removeResource(juliet);
        assertEquals(Map.of(), presence().onlineResources(juliet.asEntityBareJid()));
    }

    @Test
    void aBatchWritesEveryChange() {
        presence().setResourcePresence(full("alice", "phone"), "<presence/>", node1);
        presence().setLastActivity(jid("carol"), Instant.ofEpochMilli(1000), "old");
        presence().apply(new PresenceBatch(
                Map.of(full("alice", "laptop"), new PresenceBatch.Online("<presence>l</presence>", node2),
                        full("bob", "desk"), new PresenceBatch.Online("<presence>d</presence>", node1)),
                java.util.Set.of(full("alice", "phone"), full("dave", "never-online")),
                Map.of(jid("carol"), new LastActivity(Instant.ofEpochMilli(2000), "bye"),
                        jid("erin"), new LastActivity(Instant.ofEpochMilli(3000), null))));
        assertEquals(Map.of(full("alice", "laptop"), "<presence>l</presence>"), presence().onlineResources(jid("alice")));
        assertEquals(Map.of(full("bob", "desk"), "<presence>d</presence>"), presence().onlineResources(jid("bob")));
        assertEquals(Optional.of(new LastActivity(Instant.ofEpochMilli(2000), "bye")), presence().lastActivity(jid("carol")));
        assertEquals(Optional.of(new LastActivity(Instant.ofEpochMilli(3000), null)), presence().lastActivity(jid("erin")));
        presence().clearNode(node1);
        assertEquals(Map.of(), presence().onlineResources(jid("bob")));
    }

    @Test
    void badNodeIdsAreRejected() {
        for (String bad : new String[] {"", "a|b", "has space", "x".repeat(256), "n\u00f6de"}) {
            assertThrows(IllegalArgumentException.class,
                    () -> presence().setResourcePresence(full("alice", "phone"), "<presence/>", bad), bad);
            assertThrows(IllegalArgumentException.class, () -> presence().clearNode(bad), bad);
        }
        assertEquals(Map.of(), presence().onlineResources(jid("alice")));
    }

    protected final EntityBareJid jid(String localpart) {
        return JidCreate.entityBareFromOrThrowUnchecked(localpart + "@" + domain);
    }

    protected final EntityFullJid full(String localpart, String resource) {
        return JidCreate.entityFullFromOrThrowUnchecked(localpart + "@" + domain + "/" + resource);
    }
}
