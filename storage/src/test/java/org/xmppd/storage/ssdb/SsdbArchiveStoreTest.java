package org.xmppd.storage.ssdb;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.xmppd.storage.ArchiveStore;
import org.xmppd.storage.ArchiveStoreContract;
import org.xmppd.storage.Storage;
import org.xmppd.storage.StorageConfig;

/**
 * The archive store contract on a real SSDB ({@code SSDB_URL}), under a key prefix of its own;
 * skipped with the reason when {@code SSDB_URL} is unset.
 */
@EnabledIfEnvironmentVariable(named = SsdbTestServer.VARIABLE, matches = ".+", disabledReason = SsdbTestServer.SKIPPED)
class SsdbArchiveStoreTest extends ArchiveStoreContract {
    @TempDir
    static Path dataDir;

    private static Storage storage;

    @BeforeAll
    static void open() {
        StorageConfig config = new StorageConfig("h2", Map.of("archive", "ssdb"), null, null, null,
                SsdbTestServer.config(SsdbTestServer.url()));
        storage = Storage.open(config, dataDir);
    }

    @AfterAll
    static void close() {
        if (storage != null) {
            SsdbArchiveCleanup.deleteAll(storage.archive());
            storage.close();
        }
    }

    @Override
    protected ArchiveStore archive() {
        return storage.archive();
    }
}
