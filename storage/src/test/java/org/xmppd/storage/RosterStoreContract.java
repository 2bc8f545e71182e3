package org.xmppd.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The behaviour every {@link RosterStore} backend must show. Subclasses only supply the store.
 * Each test works in its own random domain, so a backend may share one database across tests.
 */
public abstract class RosterStoreContract {
    private static final String SUBSCRIBE = "<presence type='subscribe' from='%s'/>";

    private final String domain = "d" + UUID.randomUUID().toString().replace("-", "") + ".example";

    /** The store under test; the same instance for the whole test. */
    protected abstract RosterStore roster();

    @Test
    void unknownOwnerHasAnEmptyRoster() {
        EntityBareJid alice = jid("alice");
        assertEquals(new Roster(RosterStore.EMPTY_VERSION, List.of()), roster().roster(alice));
        assertEquals(Optional.empty(), roster().item(alice, jid("bob")));
        assertEquals(Map.of(), roster().pendingRequests(alice));
    }

    @Test
    void itemsRoundTripWithNamesGroupsAndFlags() {
        EntityBareJid alice = jid("alice");
        RosterItem bob = new RosterItem(jid("bob"), "Bob \u00c9l\u00e8ve \uD83D\uDE00", Subscription.BOTH,
                true, true, true, Set.of("Friends", "\u540c\u50da", "a \"quoted\" <group> & more"));
        RosterItem carol = RosterItem.of(jid("carol"), Subscription.NONE);
        roster().put(alice, bob);
        String version = roster().put(alice, carol);
        assertEquals(version, roster().roster(alice).version());

        assertEquals(Optional.of(bob), roster().item(alice, jid("bob")));
        assertEquals(Optional.of(carol), roster().item(alice, jid("carol")));
        assertEquals(List.of(bob, carol), roster().roster(alice).items());
    }

    @Test
    void everySubscriptionStateRoundTrips() {
        EntityBareJid alice = jid("alice");
        for (Subscription state : Subscription.values()) {
            RosterItem item = new RosterItem(jid("c-" + state), null, state, state == Subscription.NONE,
                    state == Subscription.TO, state == Subscription.FROM, Set.of());
            roster().put(alice, item);
            assertEquals(Optional.of(item), roster().item(alice, item.jid()));
        }
    }

    @Test
    void putReplacesTheItem() {
        EntityBareJid alice = jid("alice");
        roster().put(alice, new RosterItem(jid("bob"), "Bob", Subscription.TO, true, false, false, Set.of("A", "B")));
        RosterItem replaced = new RosterItem(jid("bob"), null, Subscription.BOTH, false, false, false, Set.of("C"));
        roster().put(alice, replaced);
        assertEquals(List.of(replaced), roster().roster(alice).items());
    }

    @Test
    void itemsAreSortedByJid() {
        EntityBareJid alice = jid("alice");
        for (String name : List.of("zoe", "bob", "mallory")) {
            roster().put(alice, RosterItem.of(jid(name), Subscription.NONE));
        }
        List<BareJid> order = roster().roster(alice).items().stream().map(RosterItem::jid).toList();
        assertEquals(List.of(jid("bob"), jid("mallory"), jid("zoe")), order);
    }

    @Test
    void domainJidsAreContactsToo() {
        // RFC 6121 §2.1.1: an item's JID may be a bare domain (a gateway or service).
        EntityBareJid alice = jid("alice");
        BareJid gateway = JidCreate.bareFromOrThrowUnchecked("gateway." + domain);
        RosterItem item = new RosterItem(gateway, "ICQ", Subscription.BOTH, false, false, false, Set.of());
        roster().put(alice, item);
        assertEquals(Optional.of(item), roster().item(alice, gateway));
    }

    @Test
    void versionChangesOnEveryPutAndRemove() {
        EntityBareJid alice = jid("alice");
        Set<String> seen = new HashSet<>(Set.of(RosterStore.EMPTY_VERSION));
        RosterItem bob = RosterItem.of(jid("bob"), Subscription.NONE);
        List<String> versions = new ArrayList<>();
        versions.add(roster().put(alice, bob));
        versions.add(roster().put(alice, bob));
        versions.add(roster().put(alice, RosterItem.of(jid("carol"), Subscription.TO)));
        versions.add(roster().remove(alice, jid("bob")));
        versions.add(roster().put(alice, bob));
        for (String version : versions) {
            assertTrue(seen.add(version), () -> "version repeated: " + versions);
        }
        assertEquals(versions.get(versions.size() - 1), roster().roster(alice).version());
    }

    @Test
    void removingAnAbsentItemChangesNothing() {
        EntityBareJid alice = jid("alice");
        assertEquals(RosterStore.EMPTY_VERSION, roster().remove(alice, jid("bob")));
        String version = roster().put(alice, RosterItem.of(jid("carol"), Subscription.NONE));
        assertEquals(version, roster().remove(alice, jid("bob")));
        assertEquals(version, roster().roster(alice).version());
        assertEquals(1, roster().roster(alice).items().size());
    }

    @Test
    void removingTheLastItemKeepsANewVersion() {
        EntityBareJid alice = jid("alice");
        String added = roster().put(alice, RosterItem.of(jid("bob"), Subscription.NONE));
        String removed = roster().remove(alice, jid("bob"));
        assertNotEquals(added, removed);
        assertNotEquals(RosterStore.EMPTY_VERSION, removed);
        assertEquals(new Roster(removed, List.of()), roster().roster(alice));
    }

    @Test
    void pendingRequestsAreKeptReplacedAndRemoved() {
        EntityBareJid alice = jid("alice");
        String version = roster().put(alice, RosterItem.of(jid("carol"), Subscription.NONE));
        String fromBob = String.format(SUBSCRIBE, jid("bob"));
        roster().putPendingRequest(alice, jid("bob"), "<presence type='subscribe'/>");
        roster().putPendingRequest(alice, jid("bob"), fromBob);
        roster().putPendingRequest(alice, jid("dave"), String.format(SUBSCRIBE, jid("dave")));
        assertEquals(Map.of(jid("bob"), fromBob, jid("dave"), String.format(SUBSCRIBE, jid("dave"))),
                roster().pendingRequests(alice));
        assertEquals(version, roster().roster(alice).version(), "requests are not roster items");

        roster().removePendingRequest(alice, jid("dave"));
        roster().removePendingRequest(alice, jid("nobody"));
        assertEquals(Map.of(jid("bob"), fromBob), roster().pendingRequests(alice));
    }

    @Test
    void pendingRequestToAnOwnerWithoutRosterIsKept() {
        EntityBareJid alice = jid("alice");
        roster().removePendingRequest(alice, jid("bob"));
        String stanza = String.format(SUBSCRIBE, jid("bob"));
        roster().putPendingRequest(alice, jid("bob"), stanza);
        assertEquals(Map.of(jid("bob"), stanza), roster().pendingRequests(alice));
        assertEquals(List.of(), roster().roster(alice).items());
    }

    @Test
    void deleteAllRemovesItemsAndRequestsAndNeverReusesAVersion() {
        EntityBareJid alice = jid("alice");
        Set<String> before = new HashSet<>();
        before.add(roster().put(alice, RosterItem.of(jid("bob"), Subscription.BOTH)));
        before.add(roster().put(alice, RosterItem.of(jid("carol"), Subscription.BOTH)));
        roster().putPendingRequest(alice, jid("dave"), String.format(SUBSCRIBE, jid("dave")));

        roster().deleteAll(alice);
        assertEquals(new Roster(RosterStore.EMPTY_VERSION, List.of()), roster().roster(alice));
        assertEquals(Map.of(), roster().pendingRequests(alice));
        roster().deleteAll(alice);

        String again = roster().put(alice, RosterItem.of(jid("bob"), Subscription.NONE));
        assertFalse(before.contains(again), () -> again + " was handed out before deletion: " + before);
    }

    @Test
    void ownersAreIsolated() {
        EntityBareJid alice = jid("alice");
        EntityBareJid bob = jid("bob");
        EntityBareJid otherDomainAlice = JidCreate.entityBareFromOrThrowUnchecked("alice@other." + domain);
        RosterItem aliceItem = RosterItem.of(jid("carol"), Subscription.TO);
        RosterItem bobItem = RosterItem.of(jid("carol"), Subscription.FROM);
        roster().put(alice, aliceItem);
        roster().put(bob, bobItem);
        roster().putPendingRequest(bob, jid("dave"), "<presence/>");

        assertEquals(List.of(aliceItem), roster().roster(alice).items());
        assertEquals(List.of(bobItem), roster().roster(bob).items());
        assertEquals(List.of(), roster().roster(otherDomainAlice).items());
        assertEquals(Map.of(), roster().pendingRequests(alice));

        roster().deleteAll(alice);
        assertEquals(List.of(bobItem), roster().roster(bob).items());
        assertEquals(Map.of(jid("dave"), "<presence/>"), roster().pendingRequests(bob));
    }

    @Test
    void nonAsciiJidsRoundTrip() {
        EntityBareJid juliet = jid("j\u00fcl\u00efet-\u6f22\u5b57-\uD83D\uDE00");
        BareJid romeo = JidCreate.bareFromOrThrowUnchecked("r\u00f6m\u00e9o@\u00e9xample-\u00fc." + domain);
        RosterItem item = new RosterItem(romeo, "R\u00f6meo", Subscription.BOTH, false, false, false, Set.of("\u2764"));
        String version = roster().put(juliet, item);
        roster().putPendingRequest(juliet, romeo, "<presence from='" + romeo + "'/>");
        assertEquals(new Roster(version, List.of(item)), roster().roster(juliet));
        assertEquals(Optional.of(item), roster().item(juliet, romeo));
        assertEquals(Map.of(romeo, "<presence from='" + romeo + "'/>"), roster().pendingRequests(juliet));
    }

    @Test
    void concurrentWritesEachGetTheirOwnVersion() throws Exception {
        EntityBareJid alice = jid("alice");
        int writers = 8;
        int writes = 10;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<List<String>>> tasks = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                tasks.add(() -> {
                    List<String> versions = new ArrayList<>();
                    for (int i = 0; i < writes; i++) {
                        versions.add(roster().put(alice, RosterItem.of(jid("c" + writer + "-" + i), Subscription.NONE)));
                    }
                    return versions;
                });
            }
            Set<String> versions = new HashSet<>();
            for (Future<List<String>> result : pool.invokeAll(tasks)) {
                versions.addAll(result.get());
            }
            assertEquals(writers * writes, versions.size(), "every write must get a distinct version");
            Roster after = roster().roster(alice);
            assertEquals(writers * writes, after.items().size());
            assertTrue(versions.contains(after.version()));
        } finally {
            pool.shutdownNow();
        }
    }

    protected final EntityBareJid jid(String localpart) {
        return JidCreate.entityBareFromOrThrowUnchecked(localpart + "@" + domain);
    }
}
