package org.xmppd.storage.ssdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmppd.storage.SsdbConfig;
import org.xmppd.storage.Storage;
import org.xmppd.storage.StorageConfig;
import org.xmppd.storage.StorageException;
import org.xmppd.storage.StoreKind;

/** Opening the SSDB backend; needs no SSDB server. */
class SsdbBackendTest {
    @TempDir
    Path dataDir;

    @Test
    void unreachableSsdbNamesTheAddress() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        SsdbConfig ssdb = new SsdbConfig("127.0.0.1", port, null, 1, 500, null);
        StorageConfig config = new StorageConfig("h2", Map.of("archive", "ssdb"), null, null, null, ssdb);
        StorageException e = assertThrows(StorageException.class, () -> Storage.open(config, dataDir));
        assertTrue(e.getMessage().startsWith("SSDB at 127.0.0.1:" + port + " is unreachable: "), e.getMessage());
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
    }

    @Test
    void holdsOnlyTheArchive() {
        assertEquals(Set.of(StoreKind.ARCHIVE), new SsdbBackend().stores());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Storage.validate(new StorageConfig("h2", Map.of("roster", "ssdb"), null, null)));
        assertTrue(e.getMessage().startsWith("storage.stores.roster: backend 'ssdb' cannot hold the 'roster' store"),
                e.getMessage());
        Storage.validate(new StorageConfig("h2", Map.of("archive", "ssdb"), null, null));
    }
}
