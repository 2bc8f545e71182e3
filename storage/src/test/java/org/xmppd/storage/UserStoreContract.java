package org.xmppd.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The behaviour every {@link UserStore} backend must show. Subclasses only supply the store.
 * Each test works in its own random domain, so a backend may share one database across tests.
 */
public abstract class UserStoreContract {
    private static final String SHA1 = ScramCredential.SCRAM_SHA_1;
    private static final String SHA256 = ScramCredential.SCRAM_SHA_256;

    private final Random random = new Random();
    private final String domain = "d" + UUID.randomUUID().toString().replace("-", "") + ".example";

    /** The store under test; the same instance for the whole test. */
    protected abstract UserStore users();

    @Test
    void createdUserExists() {
        EntityBareJid alice = jid("alice");
        assertFalse(users().exists(alice));
        assertTrue(users().create(alice, List.of(credential(SHA256))));
        assertTrue(users().exists(alice));
    }

    @Test
    void creatingTwiceFailsAndKeepsTheFirstCredentials() {
        EntityBareJid alice = jid("alice");
        ScramCredential first = credential(SHA256);
        assertTrue(users().create(alice, List.of(first)));
        assertFalse(users().create(alice, List.of(credential(SHA256))));
        assertEquals(Optional.of(first), users().credential(alice, SHA256));
    }

    @Test
    void credentialsAreKeptPerMechanism() {
        EntityBareJid alice = jid("alice");
        ScramCredential sha1 = credential(SHA1);
        ScramCredential sha256 = credential(SHA256);
        users().create(alice, List.of(sha1, sha256));
        assertEquals(Optional.of(sha1), users().credential(alice, SHA1));
        assertEquals(Optional.of(sha256), users().credential(alice, SHA256));
        assertEquals(Optional.empty(), users().credential(alice, "SCRAM-SHA-512"));
    }

    @Test
    void accountWithoutCredentialsExistsButHasNone() {
        EntityBareJid alice = jid("alice");
        assertTrue(users().create(alice, List.of()));
        assertTrue(users().exists(alice));
        assertEquals(Optional.empty(), users().credential(alice, SHA256));
    }

    @Test
    void unknownUserHasNothingAndCannotBeChanged() {
        EntityBareJid ghost = jid("ghost");
        assertFalse(users().exists(ghost));
        assertEquals(Optional.empty(), users().credential(ghost, SHA256));
        assertFalse(users().replaceCredentials(ghost, List.of(credential(SHA256))));
        assertFalse(users().delete(ghost));
        assertFalse(users().exists(ghost), "replacing credentials must not create the account");
    }

    @Test
    void replacingCredentialsReplacesAllOfThem() {
        EntityBareJid alice = jid("alice");
        users().create(alice, List.of(credential(SHA1), credential(SHA256)));
        ScramCredential fresh = credential(SHA256);
        assertTrue(users().replaceCredentials(alice, List.of(fresh)));
        assertEquals(Optional.of(fresh), users().credential(alice, SHA256));
        assertEquals(Optional.empty(), users().credential(alice, SHA1));
    }

    @Test
    void deletingRemovesAccountAndCredentials() {
        EntityBareJid alice = jid("alice");
        users().create(alice, List.of(credential(SHA1), credential(SHA256)));
        assertTrue(users().delete(alice));
        assertFalse(users().exists(alice));
        assertEquals(Optional.empty(), users().credential(alice, SHA256));
        assertFalse(users().delete(alice));

        ScramCredential again = credential(SHA256);
        assertTrue(users().create(alice, List.of(again)), "a deleted name can be registered again");
        assertEquals(Optional.of(again), users().credential(alice, SHA256));
        assertEquals(Optional.empty(), users().credential(alice, SHA1), "old credentials must not come back");
    }

    @Test
    void listReturnsTheDomainsAccountsSorted() {
        for (String name : List.of("carol", "alice", "bob")) {
            users().create(jid(name), List.of(credential(SHA256)));
        }
        assertEquals(List.of(jid("alice"), jid("bob"), jid("carol")), users().list(domain()));
    }

    @Test
    void listOfAnEmptyDomainIsEmpty() {
        assertEquals(List.of(), users().list(domain()));
    }

    @Test
    void sameLocalpartInTwoDomainsAreTwoAccounts() {
        DomainBareJid other = JidCreate.domainBareFromOrThrowUnchecked("other." + domain);
        EntityBareJid here = jid("alice");
        EntityBareJid there = JidCreate.entityBareFrom(here.getLocalpart(), other);
        ScramCredential hereCredential = credential(SHA256);
        ScramCredential thereCredential = credential(SHA256);
        assertTrue(users().create(here, List.of(hereCredential)));
        assertTrue(users().create(there, List.of(thereCredential)));

        assertEquals(List.of(here), users().list(domain()));
        assertEquals(List.of(there), users().list(other));
        assertEquals(Optional.of(thereCredential), users().credential(there, SHA256));

        assertTrue(users().delete(here));
        assertTrue(users().exists(there));
        assertEquals(Optional.of(thereCredential), users().credential(there, SHA256));
    }

    @Test
    void nonAsciiJidsRoundTrip() {
        EntityBareJid juliet = jid("jülïet-\u6f22\u5b57-\uD83D\uDE00");
        assertTrue(users().create(juliet, List.of(credential(SHA256))));
        assertTrue(users().exists(juliet));
        assertEquals(List.of(juliet), users().list(domain()));
    }

    @Test
    void longestLocalpartRoundTrips() {
        // RFC 7622 §3.3.1: a localpart is at most 1023 octets.
        EntityBareJid longest = jid("a".repeat(1023));
        assertTrue(users().create(longest, List.of(credential(SHA256))));
        assertEquals(List.of(longest), users().list(domain()));
    }

    @Test
    void twoCredentialsForOneMechanismAreRejected() {
        EntityBareJid alice = jid("alice");
        assertThrows(IllegalArgumentException.class,
                () -> users().create(alice, List.of(credential(SHA256), credential(SHA256))));
        assertFalse(users().exists(alice));
    }

    @Test
    void concurrentCreatesOfOneAccountHaveOneWinner() throws Exception {
        EntityBareJid alice = jid("alice");
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Callable<Boolean>> creates = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                ScramCredential own = credential(SHA256);
                creates.add(() -> users().create(alice, List.of(own)));
            }
            int winners = 0;
            for (Future<Boolean> result : pool.invokeAll(creates)) {
                winners += result.get() ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
    }

    protected final DomainBareJid domain() {
        return JidCreate.domainBareFromOrThrowUnchecked(domain);
    }

    protected final EntityBareJid jid(String localpart) {
        return JidCreate.entityBareFromOrThrowUnchecked(localpart + "@" + domain);
    }

    protected final ScramCredential credential(String mechanism) {
        int keyLength = SHA1.equals(mechanism) ? 20 : 32;
        return new ScramCredential(mechanism, bytes(16), 4096 + random.nextInt(1000), bytes(keyLength), bytes(keyLength));
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
