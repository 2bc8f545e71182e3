package org.xmppd.server.modules.mam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.storage.ArchiveIds;
import org.xmppd.storage.ArchiveQuery;
import org.xmppd.storage.ArchivedMessage;
import org.xmppd.storage.Storage;
import org.xmppd.storage.StorageConfig;

/** Retention by age and by count on a real (H2) archive store. */
class ArchiveRetentionTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path dataDir;
    private Storage storage;

    @BeforeEach
    void open() {
        storage = Storage.open(StorageConfig.defaults(), dataDir);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void removesMessagesOlderThanTheMaximumAge() {
        EntityBareJid alice = JidCreate.entityBareFromOrThrowUnchecked("alice@example.com");
        List<ArchivedMessage> stored = fill(alice, 2_500, NOW.minus(Duration.ofDays(40)), Duration.ofMinutes(1));
        stored.addAll(fill(alice, 3, NOW.minus(Duration.ofDays(1)), Duration.ofMinutes(1)));
        new ArchiveRetention(storage.archive(), config(30, 0), Clock.fixed(NOW, ZoneOffset.UTC)).run();
        assertEquals(stored.subList(2_500, 2_503), all(alice), "more than one step of old messages went");
    }

    @Test
    void keepsTheNewestMessagesOfEachArchive() {
        EntityBareJid alice = JidCreate.entityBareFromOrThrowUnchecked("alice@example.com");
        EntityBareJid room = JidCreate.entityBareFromOrThrowUnchecked("room@conference.example.com");
        List<ArchivedMessage> alices = fill(alice, 8, NOW.minusSeconds(100), Duration.ofSeconds(1));
        List<ArchivedMessage> rooms = fill(room, 3, NOW.minusSeconds(100), Duration.ofSeconds(1));
        new ArchiveRetention(storage.archive(), config(0, 5), Clock.fixed(NOW, ZoneOffset.UTC)).run();
        assertEquals(alices.subList(3, 8), all(alice));
        assertEquals(rooms, all(room));
    }

    private static MamConfig config(int maxAgeDays, int maxMessages) {
        MamConfig defaults = MamConfig.defaults();
        return new MamConfig(defaults.defaultPolicy(), maxAgeDays, maxMessages, defaults.defaultPageSize(),
                defaults.maxPageSize(), defaults.retentionIntervalMinutes());
    }

    private List<ArchivedMessage> all(EntityBareJid archive) {
        return storage.archive().query(archive, ArchiveQuery.firstPage(10_000)).messages();
    }

    private List<ArchivedMessage> fill(EntityBareJid archive, int count, Instant from, Duration step) {
        ArchiveIds ids = new ArchiveIds();
        List<ArchivedMessage> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(new ArchivedMessage(archive, ids.next(from.plus(step.multipliedBy(i))), "bob@example.com",
                    null, false, null, "<message><body>" + i + "</body></message>"));
        }
        storage.archive().append(messages);
        return messages;
    }
}
