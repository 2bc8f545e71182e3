package org.xmppd.storage.ssdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.nutz.ssdb4j.spi.Cmd;
import org.xmppd.storage.ArchiveIds;
import org.xmppd.storage.ArchiveQuery;
import org.xmppd.storage.ArchivedMessage;
import org.xmppd.storage.SsdbConfig;

/**
 * What is particular to SSDB (needs {@code SSDB_URL}): JIDs too long for a name, and index
 * entries left behind by a crash between the two writes of a deletion.
 */
@EnabledIfEnvironmentVariable(named = SsdbTestServer.VARIABLE, matches = ".+", disabledReason = SsdbTestServer.SKIPPED)
class SsdbArchiveLayoutTest {
    private static final Instant T0 = Instant.parse("2024-05-06T07:08:09Z");

    private static SsdbClient client;
    private static ArchiveNames names;
    private static SsdbArchiveStore store;

    private final String domain = "d" + UUID.randomUUID().toString().replace("-", "") + ".example";
    private final ArchiveIds ids = new ArchiveIds();

    @BeforeAll
    static void open() {
        SsdbConfig config = SsdbTestServer.config(SsdbTestServer.url());
        client = new SsdbClient(config);
        names = new ArchiveNames(config.keyPrefix());
        store = new SsdbArchiveStore(client, names);
    }

    @AfterAll
    static void close() {
        if (client != null) {
            SsdbArchiveCleanup.deleteAll(store);
            client.close();
        }
    }

    @Test
    void jidsTooLongForANameStillWork() {
        EntityBareJid owner = jid("o".repeat(900));
        String peer = "p".repeat(700) + "@" + domain;
        List<ArchivedMessage> stored = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            stored.add(message(owner, i, i % 2 == 0 ? peer : "short@" + domain, "origin" + i));
        }
        store.append(stored);
        String name = names.archive(names.archiveId(owner));
        assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 255, name);
        assertEquals(stored, store.query(owner, ArchiveQuery.firstPage(10)).messages());
        ArchiveQuery withPeer = new ArchiveQuery(peer, null, null, null, null, null, null, 10, true);
        assertEquals(List.of(stored.get(0), stored.get(2), stored.get(4)), store.query(owner, withPeer).messages());
        assertEquals(Optional.of(stored.get(2)), store.findByOriginId(owner, peer, "origin2"));
        assertTrue(store.archives(null, 10_000).contains(owner), "listed with its full JID");
        assertEquals(List.of(), store.archives(owner, 10_000).stream().filter(owner::equals).toList());

        store.deleteArchive(owner);
        assertFalse(store.archives(null, 10_000).contains(owner));
        assertTrue(client.call("reading", Cmd.hget, SsdbClient.bytes(names.shortenedJids()),
                SsdbClient.bytes(names.archiveId(owner))).isEmpty(), "registry entry removed");
    }

    @Test
    void indexEntriesWithoutAMessageAreSkipped() {
        EntityBareJid owner = jid("alice");
        String bob = "bob@" + domain;
        List<ArchivedMessage> stored = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            stored.add(message(owner, i, bob, "same"));
        }
        store.append(stored);
        // A crash after the message left the archive hash, before its index entries went.
        String archiveHash = names.archive(names.archiveId(owner));
        for (int i : new int[] {1, 2, 3, 10, 11}) {
            client.call("simulating a crash", Cmd.hdel, SsdbClient.bytes(archiveHash),
                    SsdbClient.bytes(ArchiveIds.format(stored.get(i).id())));
        }
        ArchiveQuery newestTwo = new ArchiveQuery(bob, null, null, null, null, null, null, 2, true);
        assertEquals(List.of(stored.get(8), stored.get(9)), store.query(owner, newestTwo).messages());
        ArchiveQuery oldestThree = new ArchiveQuery(bob, null, null, null, null, null, null, 3, false);
        assertEquals(List.of(stored.get(0), stored.get(4), stored.get(5)), store.query(owner, oldestThree).messages());
        assertEquals(Optional.of(stored.get(9)), store.findByOriginId(owner, bob, "same"));

        store.deleteArchive(owner);
        assertEquals(List.of(), client.call("listing", Cmd.hlist,
                SsdbClient.bytes(names.withRangeStart(names.archiveId(owner))),
                SsdbClient.bytes(names.withRangeEnd(names.archiveId(owner))), SsdbClient.bytes("10")),
                "the stale index went with the archive");
    }

    @Test
    void aStoredIdThatChangedPeerIsNotFoundUnderTheOldOne() {
        EntityBareJid owner = jid("alice");
        ArchivedMessage first = message(owner, 0, "bob@" + domain, "x");
        store.append(List.of(first));
        ArchivedMessage moved = new ArchivedMessage(owner, first.id(), "carol@" + domain, null, false, "x", "<message/>");
        store.append(List.of(moved));
        ArchiveQuery withBob = new ArchiveQuery("bob@" + domain, null, null, null, null, null, null, 10, false);
        assertEquals(List.of(), store.query(owner, withBob).messages());
        assertEquals(Optional.empty(), store.findByOriginId(owner, "bob@" + domain, "x"));
        assertEquals(Optional.of(moved), store.findByOriginId(owner, "carol@" + domain, "x"));
    }

    private ArchivedMessage message(EntityBareJid owner, int second, String with, String originId) {
        long id = ids.next(T0.plusSeconds(second));
        return new ArchivedMessage(owner, id, with, "res", false, originId,
                "<message xmlns='jabber:client'><body>" + second + "</body></message>");
    }

    private EntityBareJid jid(String localpart) {
        return JidCreate.entityBareFromOrThrowUnchecked(localpart + "@" + domain);
    }
}
