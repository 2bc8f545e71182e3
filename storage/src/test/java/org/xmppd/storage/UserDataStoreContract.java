package org.xmppd.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The behaviour every {@link UserDataStore} backend must show. Subclasses only supply the store.
 * Each test works in its own random domain, so a backend may share one database across tests.
 */
public abstract class UserDataStoreContract {
    private final String domain = "d" + UUID.randomUUID().toString().replace("-", "") + ".example";

    /** The store under test; the same instance for the whole test. */
    protected abstract UserDataStore data();

    @Test
    void absentEntriesAreEmpty() {
        assertEquals(Optional.empty(), data().get(jid("alice"), "vcard", ""));
        assertEquals(Map.of(), data().all(jid("alice"), "private"));
        assertFalse(data().remove(jid("alice"), "vcard", ""));
        assertEquals(0, data().removeAll(jid("alice"), "blocklist"));
        data().deleteAll(jid("alice"));
    }

    @Test
    void putReplacesAndGetReadsBack() {
        EntityBareJid alice = jid("alice");
        data().put(alice, "vcard", "", "<vCard xmlns='vcard-temp'><FN>A</FN></vCard>");
        data().put(alice, "vcard", "", "<vCard xmlns='vcard-temp'><FN>B</FN></vCard>");
        assertEquals(Optional.of("<vCard xmlns='vcard-temp'><FN>B</FN></vCard>"), data().get(alice, "vcard", ""));
        data().put(alice, "private", "", "empty key in another kind");
        assertEquals(Optional.of("empty key in another kind"), data().get(alice, "private", ""));
        data().put(alice, "private", "k", "");
        assertEquals(Optional.of(""), data().get(alice, "private", "k"), "an empty value is a value");
    }

    @Test
    void allIsSortedByKeyAndLimitedToTheKind() {
        EntityBareJid alice = jid("alice");
        data().put(alice, "blocklist", "romeo@example.net", "1");
        data().put(alice, "blocklist", "example.org", "2");
        data().put(alice, "blocklist", "iago@example.net/x", "3");
        data().put(alice, "private", "urn:a", "other kind");
        data().put(jid("bob"), "blocklist", "zed@example.net", "other user");
        Map<String, String> all = data().all(alice, "blocklist");
        assertEquals(List.of("example.org", "iago@example.net/x", "romeo@example.net"), List.copyOf(all.keySet()));
        assertEquals("3", all.get("iago@example.net/x"));
        assertThrows(UnsupportedOperationException.class, () -> all.put("x", "y"));
    }

    @Test
    void removeTakesOneEntryAndRemoveAllOneKind() {
        EntityBareJid alice = jid("alice");
        data().put(alice, "blocklist", "a@x", "");
        data().put(alice, "blocklist", "b@x", "");
        data().put(alice, "blocklist", "c@x", "");
        data().put(alice, "vcard", "", "v");
        assertTrue(data().remove(alice, "blocklist", "b@x"));
        assertFalse(data().remove(alice, "blocklist", "b@x"));
        assertEquals(List.of("a@x", "c@x"), List.copyOf(data().all(alice, "blocklist").keySet()));
        assertEquals(2, data().removeAll(alice, "blocklist"));
        assertEquals(Map.of(), data().all(alice, "blocklist"));
        assertEquals(Optional.of("v"), data().get(alice, "vcard", ""), "other kinds stay");
    }

    @Test
    void deleteAllRemovesOnlyThatUsersData() {
        data().put(jid("alice"), "vcard", "", "a");
        data().put(jid("alice"), "private", "urn:x", "a");
        data().put(jid("bob"), "vcard", "", "b");
        data().deleteAll(jid("alice"));
        assertEquals(Optional.empty(), data().get(jid("alice"), "vcard", ""));
        assertEquals(Map.of(), data().all(jid("alice"), "private"));
        assertEquals(Optional.of("b"), data().get(jid("bob"), "vcard", ""));
    }

    @Test
    void sameLocalpartInTwoDomainsAreTwoUsers() {
        EntityBareJid other = JidCreate.entityBareFromOrThrowUnchecked("alice@other." + domain);
        data().put(jid("alice"), "vcard", "", "here");
        data().put(other, "vcard", "", "there");
        assertEquals(Optional.of("here"), data().get(jid("alice"), "vcard", ""));
        assertEquals(Optional.of("there"), data().get(other, "vcard", ""));
    }

    @Test
    void keysDifferingOnlyInCaseOrLengthAreDistinct() {
        EntityBareJid alice = jid("alice");
        String longKey = "urn:" + "\u00e9".repeat(1500); // 3004 UTF-8 bytes: longer than any index
        String longKey2 = longKey + "x";
        data().put(alice, "private", "urn:A", "upper");
        data().put(alice, "private", "urn:a", "lower");
        data().put(alice, "private", longKey, "long");
        data().put(alice, "private", longKey2, "longer");
        assertEquals(Optional.of("upper"), data().get(alice, "private", "urn:A"));
        assertEquals(Optional.of("lower"), data().get(alice, "private", "urn:a"));
        assertEquals(Optional.of("long"), data().get(alice, "private", longKey));
        assertEquals("longer", data().all(alice, "private").get(longKey2));
    }

    @Test
    void largeNonAsciiValuesRoundTrip() {
        EntityBareJid juliet = jid("j\u00fcl\u00efet-\u6f22\u5b57-\uD83D\uDE00");
        // An avatar-sized vCard: MAX_VALUE_CHARS characters, some outside the BMP.
        String unit = "<PHOTO>\u00e9\u6f22\uD83D\uDE00</PHOTO>";
        String big = unit.repeat(UserDataStore.MAX_VALUE_CHARS / unit.length());
        data().put(juliet, "vcard", "", big);
        assertEquals(big, data().get(juliet, "vcard", "").orElseThrow());
    }

    @Test
    void badKindsAndKeysAreRefused() {
        EntityBareJid alice = jid("alice");
        assertThrows(IllegalArgumentException.class, () -> data().put(alice, "", "k", "v"));
        assertThrows(IllegalArgumentException.class, () -> data().put(alice, "k".repeat(65), "k", "v"));
        assertThrows(IllegalArgumentException.class, () -> data().get(alice, "vcard", "k".repeat(3072)));
        assertThrows(NullPointerException.class, () -> data().put(alice, "vcard", "", null));
    }

    protected final EntityBareJid jid(String localpart) {
        return JidCreate.entityBareFromOrThrowUnchecked(localpart + "@" + domain);
    }
}
