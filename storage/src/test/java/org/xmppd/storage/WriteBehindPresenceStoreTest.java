package org.xmppd.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Write-behind over the embedded H2 store: what reaches the store, when, and what survives a
 * failed write. The store under the write-behind is the real one; {@link FailingWrites} only lets
 * a test make its writes fail.
 */
class WriteBehindPresenceStoreTest {
    private static final Duration NEVER_BY_ITSELF = Duration.ofHours(1);

    @TempDir
    Path dataDir;

    private Storage storage;
    private FailingWrites store;

    @BeforeEach
    void open() {
        storage = Storage.open(StorageConfig.defaults(), dataDir);
        store = new FailingWrites(storage.presence());
    }

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void changesReachTheStoreOnlyWhenWrittenAndOnlyTheLatestPerResource() {
        try (WriteBehindPresenceStore behind = new WriteBehindPresenceStore(store, NEVER_BY_ITSELF)) {
            behind.setResourcePresence(full("alice/phone"), "<presence>1</presence>", "n1");
            behind.setResourcePresence(full("alice/phone"), "<presence>2</presence>", "n1");
            behind.setResourcePresence(full("alice/laptop"), "<presence/>", "n1");
            behind.removeResource(full("alice/laptop"));
            behind.setLastActivity(bare("bob"), Instant.ofEpochMilli(1234), "away");
            assertEquals(Map.of(), store.onlineResources(bare("alice")), "nothing written before the flush");
            assertEquals(Optional.empty(), store.lastActivity(bare("bob")));

            behind.flush();
            assertEquals(1, store.batches, "one batch for all changes");
            assertEquals(Map.of(full("alice/phone"), "<presence>2</presence>"), store.onlineResources(bare("alice")));
            assertEquals(Optional.of(new LastActivity(Instant.ofEpochMilli(1234), "away")), store.lastActivity(bare("bob")));
        }
    }

    @Test
    void theWriterThreadStoresChangesAfterTheDelay() throws InterruptedException {
        try (WriteBehindPresenceStore behind = new WriteBehindPresenceStore(store, Duration.ofMillis(20))) {
            behind.setLastActivity(bare("carol"), Instant.ofEpochMilli(5000), null);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (store.lastActivity(bare("carol")).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(Optional.of(new LastActivity(Instant.ofEpochMilli(5000), null)), store.lastActivity(bare("carol")));
        }
    }

    @Test
    void readsSeePendingWrites() {
        try (WriteBehindPresenceStore behind = new WriteBehindPresenceStore(store, NEVER_BY_ITSELF)) {
            behind.setLastActivity(bare("dave"), Instant.ofEpochMilli(7000), "gone");
            assertEquals(Optional.of(new LastActivity(Instant.ofEpochMilli(7000), "gone")), behind.lastActivity(bare("dave")));
            behind.setResourcePresence(full("dave/a"), "<presence/>", "n1");
            assertEquals(Map.of(full("dave/a"), "<presence/>"), behind.onlineResources(bare("dave")));
        }
    }

    @Test
    void aFailedWriteStaysPendingAndNewerChangesWin() {
        try (WriteBehindPresenceStore behind = new WriteBehindPresenceStore(store, NEVER_BY_ITSELF)) {
            behind.setResourcePresence(full("erin/a"), "<presence>old</presence>", "n1");
            behind.setResourcePresence(full("erin/b"), "<presence/>", "n1");
            behind.setLastActivity(bare("frank"), Instant.ofEpochMilli(1000), "first");
            store.failing.set(true);
            assertThrows(StorageException.class, behind::flush);
            store.failing.set(false);

            behind.setResourcePresence(full("erin/a"), "<presence>new</presence>", "n1");
            behind.removeResource(full("erin/b"));
            behind.flush();
            assertEquals(Map.of(full("erin/a"), "<presence>new</presence>"), store.onlineResources(bare("erin")));
            assertEquals(Optional.of(new LastActivity(Instant.ofEpochMilli(1000), "first")),
                    store.lastActivity(bare("frank")), "the failed batch's own change is kept");
        }
    }

    @Test
    void deleteAllRemovesPendingChangesToo() {
        try (WriteBehindPresenceStore behind = new WriteBehindPresenceStore(store, NEVER_BY_ITSELF)) {
            behind.setResourcePresence(full("gina/a"), "<presence/>", "n1");
            behind.setLastActivity(bare("gina"), Instant.ofEpochMilli(1000), null);
            behind.deleteAll(bare("gina"));
            behind.flush();
            assertEquals(Map.of(), store.onlineResources(bare("gina")));
            assertEquals(Optional.empty(), store.lastActivity(bare("gina")));
        }
    }

    @Test
    void closingWritesWhatIsPending() {
        WriteBehindPresenceStore behind = new WriteBehindPresenceStore(store, NEVER_BY_ITSELF);
        behind.setLastActivity(bare("hank"), Instant.ofEpochMilli(9000), "bye");
        behind.close();
        assertEquals(Optional.of(new LastActivity(Instant.ofEpochMilli(9000), "bye")), store.lastActivity(bare("hank")));
    }

    private static EntityFullJid full(String s) {
        return JidCreate.entityFullFromOrThrowUnchecked(s.replace("/", "@example.org/"));
    }

    private static EntityBareJid bare(String localpart) {
        return JidCreate.entityBareFromOrThrowUnchecked(localpart + "@example.org");
    }

    /** The real store, whose batch writes a test can make fail. */
    private static final class FailingWrites implements PresenceStore {
        private final PresenceStore real;
        final AtomicBoolean failing = new AtomicBoolean();
        int batches;

        FailingWrites(PresenceStore real) {
            this.real = real;
        }

        @Override
        public void apply(PresenceBatch batch) {
            if (failing.get()) {
                throw new StorageException("the test made this write fail");
            }
            batches++;
            real.apply(batch);
        }

        @Override
        public void setResourcePresence(EntityFullJid resource, String presenceXml, String nodeId) {
            real.setResourcePresence(resource, presenceXml, nodeId);
        }

        @Override
        public void removeResource(EntityFullJid resource) {
            real.removeResource(resource);
        }

        @Override
        public Map<EntityFullJid, String> onlineResources(EntityBareJid account) {
            return real.onlineResources(account);
        }

        @Override
        public void setLastActivity(EntityBareJid account, Instant when, String status) {
            real.setLastActivity(account, when, status);
        }

        @Override
        public Optional<LastActivity> lastActivity(EntityBareJid account) {
            return real.lastActivity(account);
        }

        @Override
        public void clearNode(String nodeId) {
            real.clearNode(nodeId);
        }

        @Override
        public void deleteAll(EntityBareJid account) {
            real.deleteAll(account);
        }
    }
}
