package org.xmppd.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The behaviour every {@link RoomStore} backend must show. Subclasses only supply the store.
 * Each test works in its own random service domain, so a backend may share one database.
 */
public abstract class RoomStoreContract {
    private final String service = "conference.d" + UUID.randomUUID().toString().replace("-", "") + ".example";
    private final Instant created = Instant.ofEpochMilli(1_700_000_000_123L);

    /** The store under test; the same instance for the whole test. */
    protected abstract RoomStore rooms();

    @Test
    void absentRoomsAreEmpty() {
        assertEquals(Optional.empty(), rooms().room(room("nowhere")));
        assertEquals(List.of(), rooms().rooms(service()));
        assertEquals(List.of(), rooms().affiliations(room("nowhere")));
        assertFalse(rooms().delete(room("nowhere")));
        assertFalse(rooms().removeAffiliation(room("nowhere"), JidCreate.bareFromOrThrowUnchecked("a@example.org")));
    }

    @Test
    void saveReplacesConfigurationAndSubject() {
        StoredRoom first = new StoredRoom(room("lobby"), Map.of("name", "Lobby", "persistent", "1"), null, null,
                created);
        rooms().save(first);
        assertEquals(Optional.of(first), rooms().room(room("lobby")));
        StoredRoom second = new StoredRoom(room("lobby"), Map.of("name", "Lobby ünïcode ☕", "members_only", "1"),
                "Today: <tea> & 'cake'", "alice", created);
        rooms().save(second);
        assertEquals(Optional.of(second), rooms().room(room("lobby")));
    }

    @Test
    void roomsListsTheServiceOnlySortedByJid() {
        rooms().save(new StoredRoom(room("b"), Map.of(), null, null, created));
        rooms().save(new StoredRoom(room("a"), Map.of(), null, null, created));
        rooms().save(new StoredRoom(JidCreate.entityBareFromOrThrowUnchecked("c@other." + service), Map.of(), null,
                null, created));
        assertEquals(List.of(room("a"), room("b")), rooms().rooms(service()).stream().map(StoredRoom::jid).toList());
    }

    @Test
    void affiliationsAreSetReplacedAndRemoved() {
        EntityBareJid room = room("club");
        rooms().save(new StoredRoom(room, Map.of(), null, null, created));
        StoredAffiliation owner = new StoredAffiliation(JidCreate.bareFromOrThrowUnchecked("owner@example.org"),
                "owner", null, null);
        StoredAffiliation member = new StoredAffiliation(JidCreate.bareFromOrThrowUnchecked("bob@example.org"),
                "member", "Bobby", null);
        StoredAffiliation banned = new StoredAffiliation(JidCreate.bareFromOrThrowUnchecked("evil.example.net"),
                "outcast", null, "Spam");
        rooms().setAffiliation(room, owner);
        rooms().setAffiliation(room, member);
        rooms().setAffiliation(room, banned);
        assertEquals(List.of(member, banned, owner), rooms().affiliations(room));
        StoredAffiliation admin = new StoredAffiliation(member.jid(), "admin", "Bob", "promoted");
        rooms().setAffiliation(room, admin);
        assertEquals(List.of(admin, banned, owner), rooms().affiliations(room));
        assertTrue(rooms().removeAffiliation(room, banned.jid()));
        assertFalse(rooms().removeAffiliation(room, banned.jid()));
        assertEquals(List.of(admin, owner), rooms().affiliations(room));
    }

    @Test
    void deleteTakesTheAffiliationsAlong() {
        EntityBareJid room = room("gone");
        rooms().save(new StoredRoom(room, Map.of("k", "v"), "s", "n", created));
        rooms().setAffiliation(room, new StoredAffiliation(JidCreate.bareFromOrThrowUnchecked("o@example.org"),
                "owner", null, null));
        assertTrue(rooms().delete(room));
        assertEquals(Optional.empty(), rooms().room(room));
        assertEquals(List.of(), rooms().affiliations(room));
        rooms().save(new StoredRoom(room, Map.of(), null, null, created));
        assertEquals(List.of(), rooms().affiliations(room), "a room made again starts without affiliations");
    }

    @Test
    void longJidsFit() {
        EntityBareJid room = room("long");
        String localpart = "x".repeat(1023);
        StoredAffiliation affiliation = new StoredAffiliation(
                JidCreate.bareFromOrThrowUnchecked(localpart + "@" + "d".repeat(60) + ".example.org"), "member",
                "n".repeat(500), "r".repeat(5000));
        rooms().setAffiliation(room, affiliation);
        assertEquals(List.of(affiliation), rooms().affiliations(room));
    }

    private DomainBareJid service() {
        return JidCreate.domainBareFromOrThrowUnchecked(service);
    }

    private EntityBareJid room(String name) {
        return JidCreate.entityBareFromOrThrowUnchecked(name + "@" + service);
    }
}
