package org.xmppd.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The behaviour every {@link ArchiveStore} backend must show. Subclasses only supply the store.
 * Each test works in its own random domain, so a backend may share one database across tests.
 */
public abstract class ArchiveStoreContract {
    private static final Instant T0 = Instant.parse("2024-01-02T03:04:05.678Z");

    private final String domain = "d" + UUID.randomUUID().toString().replace("-", "") + ".example";
    private final ArchiveIds ids = new ArchiveIds();

    /** The store under test; the same instance for the whole test. */
    protected abstract ArchiveStore archive();

    @Test
    void unknownArchiveIsEmpty() {
        EntityBareJid nobody = jid("nobody");
        assertEquals(new ArchivePage(List.of(), true), archive().query(nobody, ArchiveQuery.firstPage(10)));
        assertEquals(Optional.empty(), archive().find(nobody, 42));
        assertEquals(Optional.empty(), archive().findByOriginId(nobody, "x@y", "o"));
        assertEquals(Optional.empty(), archive().bounds(nobody));
        assertFalse(archive().delete(nobody, 42));
        assertFalse(archive().replace(nobody, 42, "<message/>"));
        assertEquals(0, archive().trim(nobody, 0));
        archive().deleteArchive(nobody);
    }

    @Test
    void pagesForwardWithAfterId() {
        EntityBareJid alice = jid("alice");
        List<ArchivedMessage> all = fill(alice, 25, 1000);
        ArchivePage first = archive().query(alice, ArchiveQuery.firstPage(10));
        assertEquals(all.subList(0, 10), first.messages());
        assertFalse(first.complete());
        ArchivePage second = archive().query(alice, forward(null, last(first), 10));
        assertEquals(all.subList(10, 20), second.messages());
        assertFalse(second.complete());
        ArchivePage third = archive().query(alice, forward(null, last(second), 10));
        assertEquals(all.subList(20, 25), third.messages());
        assertTrue(third.complete());
    }

    @Test
    void pagesBackwardFromTheEnd() {
        EntityBareJid alice = jid("alice");
        List<ArchivedMessage> all = fill(alice, 25, 1000);
        ArchivePage lastPage = archive().query(alice, backward(null, null, 10));
        assertEquals(all.subList(15, 25), lastPage.messages(), "the newest ten, oldest first");
        assertFalse(lastPage.complete());
        ArchivePage before = archive().query(alice, backward(null, lastPage.messages().get(0).id(), 10));
        assertEquals(all.subList(5, 15), before.messages());
        ArchivePage oldest = archive().query(alice, backward(null, before.messages().get(0).id(), 10));
        assertEquals(all.subList(0, 5), oldest.messages());
        assertTrue(oldest.complete());
    }

    @Test
    void exactPageSizeIsComplete() {
        EntityBareJid alice = jid("alice");
        List<ArchivedMessage> all = fill(alice, 10, 1000);
        ArchivePage page = archive().query(alice, ArchiveQuery.firstPage(10));
        assertEquals(all, page.messages());
        assertTrue(page.complete());
        ArchivePage none = archive().query(alice, ArchiveQuery.firstPage(0));
        assertEquals(List.of(), none.messages());
        assertFalse(none.complete(), "max 0 still tells whether anything matches");
    }

    @Test
    void timeBoundsAreInclusive() {
        EntityBareJid alice = jid("alice");
        List<ArchivedMessage> all = fill(alice, 10, 1000); // one per second from T0
        ArchiveQuery window = new ArchiveQuery(null, null, T0.plusSeconds(5), T0.plusSeconds(8), null, null, null,
                50, false);
        assertEquals(all.subList(5, 9), archive().query(alice, window).messages());
        ArchiveQuery windowFromEnd = new ArchiveQuery(null, null, T0.plusSeconds(5), T0.plusSeconds(8), null, null,
                null, 2, true);
        ArchivePage newest = archive().query(alice, windowFromEnd);
        assertEquals(all.subList(7, 9), newest.messages());
        assertFalse(newest.complete());
        ArchiveQuery earlier = new ArchiveQuery(null, null, T0.plusSeconds(5), T0.plusSeconds(8), null,
                newest.messages().get(0).id(), null, 2, true);
        ArchivePage rest = archive().query(alice, earlier);
        assertEquals(all.subList(5, 7), rest.messages());
        assertTrue(rest.complete());
    }

    @Test
    void filtersByBareAndFullWith() {
        EntityBareJid alice = jid("alice");
        List<ArchivedMessage> stored = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String with = i % 2 == 0 ? "bob@" + domain : "carol@" + domain;
            stored.add(message(alice, T0.plusSeconds(i), with, i < 3 ? "phone" : "laptop", "o" + i));
        }
        archive().append(stored);
        assertEquals(List.of(stored.get(0), stored.get(2), stored.get(4)),
                archive().query(alice, forward("bob@" + domain, null, 50)).messages());
        ArchiveQuery laptop = new ArchiveQuery("bob@" + domain, "laptop", null, null, null, null, null, 50, false);
        assertEquals(List.of(stored.get(4)), archive().query(alice, laptop).messages());
    }

    @Test
    void selectsByIds() {
        EntityBareJid alice = jid("alice");
        List<ArchivedMessage> all = fill(alice, 10, 1000);
        ArchiveQuery some = new ArchiveQuery(null, null, null, null, null, null,
                List.of(all.get(7).id(), all.get(2).id(), 12345L), 50, false);
        assertEquals(List.of(all.get(2), all.get(7)), archive().query(alice, some).messages());
    }

    @Test
    void archivesAreSeparate() {
        List<ArchivedMessage> alices = fill(jid("alice"), 3, 1000);
        fill(jid("bob"), 4, 1000);
        assertEquals(alices, archive().query(jid("alice"), ArchiveQuery.firstPage(50)).messages());
        archive().deleteArchive(jid("bob"));
        assertEquals(List.of(), archive().query(jid("bob"), ArchiveQuery.firstPage(50)).messages());
        assertEquals(alices, archive().query(jid("alice"), ArchiveQuery.firstPage(50)).messages());
    }

    @Test
    void findsReplacesAndDeletes() {
        EntityBareJid alice = jid("alice");
        List<ArchivedMessage> all = fill(alice, 3, 1000);
        ArchivedMessage middle = all.get(1);
        assertEquals(Optional.of(middle), archive().find(alice, middle.id()));
        assertTrue(archive().replace(alice, middle.id(), "<message><retracted xmlns='urn:xmpp:message-retract:1'/></message>"));
        assertEquals("<message><retracted xmlns='urn:xmpp:message-retract:1'/></message>",
                archive().find(alice, middle.id()).orElseThrow().stanzaXml());
        assertTrue(archive().delete(alice, middle.id()));
        assertFalse(archive().delete(alice, middle.id()));
        assertEquals(List.of(all.get(0), all.get(2)), archive().query(alice, ArchiveQuery.firstPage(50)).messages());
    }

    @Test
    void findsTheNewestByOriginIdAndPeer() {
        EntityBareJid alice = jid("alice");
        ArchivedMessage old = message(alice, T0, "bob@" + domain, null, "same");
        ArchivedMessage newer = message(alice, T0.plusSeconds(1), "bob@" + domain, null, "same");
        ArchivedMessage otherPeer = message(alice, T0.plusSeconds(2), "carol@" + domain, null, "same");
        archive().append(List.of(old, newer, otherPeer));
        assertEquals(Optional.of(newer), archive().findByOriginId(alice, "bob@" + domain, "same"));
        assertEquals(Optional.of(otherPeer), archive().findByOriginId(alice, "carol@" + domain, "same"));
        assertEquals(Optional.empty(), archive().findByOriginId(alice, "bob@" + domain, "other"));
        String tooLong = "x".repeat(ArchivedMessage.MAX_ORIGIN_ID_CHARS + 1);
        archive().append(List.of(message(alice, T0.plusSeconds(3), "bob@" + domain, null, tooLong)));
        assertEquals(Optional.empty(), archive().findByOriginId(alice, "bob@" + domain, tooLong));
    }

    @Test
    void appendingAnIdAgainReplacesIt() {
        EntityBareJid alice = jid("alice");
        ArchivedMessage first = message(alice, T0, "bob@" + domain, null, null);
        archive().append(List.of(first));
        ArchivedMessage again = new ArchivedMessage(alice, first.id(), first.with(), null, false, null, "<message/>");
        archive().append(List.of(again));
        assertEquals(List.of(again), archive().query(alice, ArchiveQuery.firstPage(50)).messages());
    }

    @Test
    void keepsTextAndFlagsExactly() {
        EntityBareJid alice = jid("alice");
        String xml = "<message xmlns='jabber:client'><body>ünïcødé 🎉 &amp; &lt;tags&gt; " + "x".repeat(70_000)
                + "</body></message>";
        ArchivedMessage message = new ArchivedMessage(alice, ids.next(T0), "bob@" + domain, "phone ☎", true,
                "origin-1", xml);
        archive().append(List.of(message));
        ArchivedMessage back = archive().find(alice, message.id()).orElseThrow();
        assertEquals(message, back);
        assertEquals(T0, back.stamp());
    }

    @Test
    void boundsAreTheOldestAndNewest() {
        EntityBareJid alice = jid("alice");
        List<ArchivedMessage> all = fill(alice, 5, 1000);
        assertEquals(Optional.of(new ArchiveStore.ArchiveBounds(all.get(0).id(), all.get(4).id())),
                archive().bounds(alice));
    }

    @Test
    void trimKeepsTheNewest() {
        EntityBareJid alice = jid("alice");
        List<ArchivedMessage> all = fill(alice, 10, 1000);
        assertEquals(6, archive().trim(alice, 4));
        assertEquals(all.subList(6, 10), archive().query(alice, ArchiveQuery.firstPage(50)).messages());
        assertEquals(0, archive().trim(alice, 4));
        assertEquals(4, archive().trim(alice, 0));
        assertEquals(List.of(), archive().query(alice, ArchiveQuery.firstPage(50)).messages());
    }

    @Test
    void removesOldMessagesInSteps() {
        // Stamps far before every other test's, so a shared database keeps their messages.
        Instant ancient = Instant.parse("2001-01-01T00:00:00Z");
        EntityBareJid alice = jid("alice");
        EntityBareJid bob = jid("bob");
        List<ArchivedMessage> stored = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            stored.add(message(i % 2 == 0 ? alice : bob, ancient.plusSeconds(i), "x@" + domain, null, null));
        }
        archive().append(stored);
        Instant cutoff = ancient.plusSeconds(7); // messages 0..6 are older
        assertEquals(4, archive().removeOlderThan(cutoff, 4));
        assertEquals(3, archive().removeOlderThan(cutoff, 4));
        assertEquals(0, archive().removeOlderThan(cutoff, 4));
        assertEquals(List.of(stored.get(8)), archive().query(alice, ArchiveQuery.firstPage(50)).messages());
        assertEquals(List.of(stored.get(7), stored.get(9)), archive().query(bob, ArchiveQuery.firstPage(50)).messages());
    }

    @Test
    void listsEveryArchiveOnceAcrossPages() {
        Set<EntityBareJid> expected = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            EntityBareJid owner = jid("user" + i);
            fill(owner, 1, 1000);
            expected.add(owner);
        }
        Set<EntityBareJid> seen = new HashSet<>();
        EntityBareJid after = null;
        while (true) {
            List<EntityBareJid> page = archive().archives(after, 3);
            if (page.isEmpty()) {
                break;
            }
            for (EntityBareJid owner : page) {
                if (owner.getDomain().toString().equals(domain)) {
                    assertTrue(seen.add(owner), "listed twice: " + owner);
                }
            }
            after = page.get(page.size() - 1);
        }
        assertEquals(expected, seen);
    }

    /** {@code count} messages one second apart from T0, each to a different peer resource. */
    private List<ArchivedMessage> fill(EntityBareJid archive, int count, int stepMillis) {
        List<ArchivedMessage> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(message(archive, T0.plusMillis((long) i * stepMillis), "peer@" + domain, "r" + i, "o" + i));
        }
        archive().append(messages);
        return messages;
    }

    private ArchivedMessage message(EntityBareJid archive, Instant at, String with, String resource, String originId) {
        long id = ids.next(at);
        return new ArchivedMessage(archive, id, with, resource, id % 2 == 0, originId,
                "<message xmlns='jabber:client' to='" + with + "'><body>m" + ArchiveIds.format(id) + "</body></message>");
    }

    private static ArchiveQuery forward(String with, Long after, int max) {
        return new ArchiveQuery(with, null, null, null, after, null, null, max, false);
    }

    private static ArchiveQuery backward(String with, Long before, int max) {
        return new ArchiveQuery(with, null, null, null, null, before, null, max, true);
    }

    private static long last(ArchivePage page) {
        return page.messages().get(page.messages().size() - 1).id();
    }

    private EntityBareJid jid(String localpart) {
        return JidCreate.entityBareFromOrThrowUnchecked(localpart + "@" + domain);
    }
}
