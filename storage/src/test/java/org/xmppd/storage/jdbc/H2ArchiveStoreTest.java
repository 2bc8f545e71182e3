package org.xmppd.storage.jdbc;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.xmppd.storage.ArchiveStore;
import org.xmppd.storage.ArchiveStoreContract;
import org.xmppd.storage.Storage;
import org.xmppd.storage.StorageConfig;

/** The archive store contract on an embedded H2 file, the default config. */
class H2ArchiveStoreTest extends ArchiveStoreContract {
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

    @Override
    protected ArchiveStore archive() {
        return storage.archive();
    }
}
