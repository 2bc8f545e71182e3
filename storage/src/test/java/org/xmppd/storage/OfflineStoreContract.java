package org.xmppd.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The behaviour every {@link OfflineStore} backend must show. Subclasses only supply the store.
 * Each test works in its own random domain, so a backend may share one database across tests.
 */
public abstract class OfflineStoreContract {
    private static final Instant T0 = Instant.parse("2024-01-02T03:04:05.678Z");
    private static final int NO_LIMIT = 1000;

    private final String domain = "d" + UUID.randomUUID().toString().replace("-", "") + ".example";

    /** The store under test; the same instance for the whole test. */
    protected abstract OfflineStore offline();

    @Test
    void unknownUserHasNoMessages() {
        assertEquals(List.of(), offline().list(jid("alice")));
        assertEquals(0, offline().count(jid("alice")));
        offline().remove(jid("alice"), List.of(1L, 2L));
        offline().deleteAll(jid("alice"));
    }

    @Test
    void messagesComeBackInArrivalOrder() {
        EntityBareJid alice = jid("alice");
        for (int i = 0; i < 5; i++) {
            // Received stamps deliberately out of order: arrival order is what counts.
            assertTrue(offline().add(alice, message(i), T0.minusSeconds(i), NO_LIMIT));
        }
        List<OfflineMessage> messages = offline().list(alice);
        assertEquals(List.of(message(0), message(1), message(2), message(3), message(4)),
                messages.stream().map(OfflineMessage::stanzaXml).toList());
        assertEquals(T0.minusSeconds(3), messages.get(3).received());
        for (int i = 1; i < messages.size(); i++) {
            assertTrue(messages.get(i - 1).id() < messages.get(i).id(), "ids increase in arrival order");
        }
        assertEquals(5, offline().count(alice));
    }

    @Test
    void receivedKeepsMilliseconds() {
        offline().add(jid("alice"), message(0), Instant.parse("2024-01-02T03:04:05.678999Z"), NO_LIMIT);
        assertEquals(Instant.parse("2024-01-02T03:04:05.678Z"), offline().list(jid("alice")).get(0).received());
    }

    @Test
    void theLimitRefusesFurtherMessages() {
        EntityBareJid alice = jid("alice");
        assertTrue(offline().add(alice, message(0), T0, 2));
        assertTrue(offline().add(alice, message(1), T0, 2));
        assertFalse(offline().add(alice, message(2), T0, 2));
        assertEquals(2, offline().count(alice));
        assertFalse(offline().add(jid("bob"), message(0), T0, 0), "a zero limit stores nothing");
        assertEquals(0, offline().count(jid("bob")));
        assertThrows(IllegalArgumentException.class, () -> offline().add(alice, message(3), T0, -1));
    }

    @Test
    void removingDeliveredMessagesMakesRoomAgain() {
        EntityBareJid alice = jid("alice");
        for (int i = 0; i < 3; i++) {
            offline().add(alice, message(i), T0, 3);
        }
        List<OfflineMessage> stored = offline().list(alice);
        offline().remove(alice, List.of(stored.get(0).id(), stored.get(2).id()));
        assertEquals(List.of(stored.get(1)), offline().list(alice));
        assertTrue(offline().add(alice, message(3), T0, 3));
        assertEquals(List.of(message(1), message(3)), offline().list(alice).stream().map(OfflineMessage::stanzaXml).toList());
    }

    @Test
    void idsOfAnotherUserAreNotRemoved() {
        offline().add(jid("alice"), message(0), T0, NO_LIMIT);
        offline().add(jid("bob"), message(1), T0, NO_LIMIT);
        long bobs = offline().list(jid("bob")).get(0).id();
        offline().remove(jid("alice"), List.of(bobs));
        assertEquals(1, offline().count(jid("bob")));
        assertEquals(1, offline().count(jid("alice")));
    }

    @Test
    void deleteAllRemovesOnlyThatUsersMessages() {
        offline().add(jid("alice"), message(0), T0, NO_LIMIT);
        offline().add(jid("alice"), message(1), T0, NO_LIMIT);
        offline().add(jid("bob"), message(2), T0, NO_LIMIT);
        offline().deleteAll(jid("alice"));
        assertEquals(List.of(), offline().list(jid("alice")));
        assertEquals(List.of(message(2)), offline().list(jid("bob")).stream().map(OfflineMessage::stanzaXml).toList());
        assertTrue(offline().add(jid("alice"), message(3), T0, 1), "storing works again after deletion");
    }

    @Test
    void sameLocalpartInTwoDomainsAreTwoUsers() {
        EntityBareJid other = JidCreate.entityBareFromOrThrowUnchecked("alice@other." + domain);
        offline().add(jid("alice"), message(0), T0, 1);
        assertTrue(offline().add(other, message(1), T0, 1));
        assertEquals(List.of(message(1)), offline().list(other).stream().map(OfflineMessage::stanzaXml).toList());
    }

    @Test
    void nonAsciiJidsAndLargeStanzasRoundTrip() {
        EntityBareJid juliet = jid("j\u00fcl\u00efet-\u6f22\u5b57-\uD83D\uDE00");
        String big = "<message><body>" + "\u00e9\u6f22\uD83D\uDE00".repeat(40_000) + "</body></message>";
        assertTrue(offline().add(juliet, big, T0, NO_LIMIT));
        assertEquals(big, offline().list(juliet).get(0).stanzaXml());
    }

    @Test
    void concurrentSendersNeverExceedTheLimit() throws Exception {
        EntityBareJid alice = jid("alice");
        int senders = 8;
        int perSender = 10;
        int limit = 25;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                tasks.add(() -> {
                    int stored = 0;
                    for (int i = 0; i < perSender; i++) {
                        stored += offline().add(alice, message(i), T0, limit) ? 1 : 0;
                    }
                    return stored;
                });
            }
            int stored = 0;
            for (Future<Integer> result : pool.invokeAll(tasks)) {
                stored += result.get();
            }
            assertEquals(limit, stored);
            assertEquals(limit, offline().count(alice));
            assertEquals(limit, offline().list(alice).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void acknowledgedInFlightMessagesAreNotRecovered() {
        EntityBareJid alice = jid("alice");
        List<Long> ids = offline().addInFlight(List.of(inFlight(alice, 0, T0), inFlight(alice, 1, T0)));
        assertEquals(2, ids.size());
        assertTrue(ids.get(0) < ids.get(1), "ids increase");
        assertEquals(List.of(), offline().addInFlight(List.of()));
        offline().removeInFlight(List.of(ids.get(0), ids.get(1), -5L));
        offline().recoverInFlight();
        assertEquals(List.of(), offline().list(alice), "nothing in flight, nothing recovered");
    }

    @Test
    void unacknowledgedInFlightMessagesBecomeOfflineMessagesInOrder() {
        EntityBareJid alice = jid("alice");
        EntityBareJid bob = jid("bob");
        offline().add(alice, message(0), T0, 1);
        offline().addInFlight(List.of(inFlight(alice, 1, T0.plusSeconds(1))));
        List<Long> ids = offline().addInFlight(List.of(inFlight(bob, 2, T0), inFlight(alice, 3, T0.plusSeconds(3)),
                inFlight(bob, 4, T0.plusSeconds(4))));
        offline().removeInFlight(List.of(ids.get(0)));

        assertTrue(offline().recoverInFlight() >= 3);
        List<OfflineMessage> alices = offline().list(alice);
        assertEquals(List.of(message(0), message(1), message(3)),
                alices.stream().map(OfflineMessage::stanzaXml).toList(), "past the limit of 1: nothing is lost");
        assertEquals(T0.plusSeconds(3), alices.get(2).received(), "the original receipt time");
        assertEquals(List.of(message(4)), offline().list(bob).stream().map(OfflineMessage::stanzaXml).toList());
        assertEquals(0, offline().recoverInFlight(), "moved once");
        assertEquals(3, offline().count(alice));
    }

    protected final EntityBareJid jid(String localpart) {
        return JidCreate.entityBareFromOrThrowUnchecked(localpart + "@" + domain);
    }

    private static InFlightMessage inFlight(EntityBareJid user, int n, Instant received) {
        return new InFlightMessage(user, message(n), received);
    }

    private static String message(int n) {
        return "<message type='chat'><body>m" + n + " \u00fc</body></message>";
    }
}
