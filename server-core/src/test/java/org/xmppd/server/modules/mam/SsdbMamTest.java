package org.xmppd.server.modules.mam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.xmppd.server.TestServer;
import org.xmppd.storage.ArchiveStore;
import org.xmppd.storage.SsdbConfig;
import org.xmppd.storage.Storage;
import org.xmppd.storage.StorageConfig;
import org.xmppd.storage.ssdb.SsdbTestServer;

/**
 * The MAM tests with archives in a real SSDB ({@code SSDB_URL}) under a key prefix of their own,
 * removed afterwards; everything else stays in H2. Skipped, saying why, without {@code SSDB_URL}.
 */
@EnabledIfEnvironmentVariable(named = SsdbTestServer.VARIABLE, matches = ".+", disabledReason = SsdbTestServer.SKIPPED)
class SsdbMamTest extends MamTest {
    /** Registered before the server, so its clean-up runs after the server stopped. */
    @RegisterExtension
    @Order(1)
    static final Cleanup CLEANUP = new Cleanup();

    @RegisterExtension
    @Order(2)
    static final TestServer SERVER = new TestServer(config -> config.withStorage(new StorageConfig(
            config.storage().defaultBackend(), Map.of("archive", "ssdb"), config.storage().h2(),
            config.storage().mysql(), config.storage().redis(), CLEANUP.ssdb())));

    @Override
    protected TestServer server() {
        return SERVER;
    }

    /** Deletes every archive the tests left under this class's key prefix. */
    static final class Cleanup implements AfterAllCallback {
        private SsdbConfig ssdb;

        synchronized SsdbConfig ssdb() {
            if (ssdb == null) {
                ssdb = SsdbTestServer.config(SsdbTestServer.url());
            }
            return ssdb;
        }

        @Override
        public void afterAll(ExtensionContext context) throws IOException {
            Path dataDir = Files.createTempDirectory("ssdb-mam-cleanup");
            StorageConfig config = new StorageConfig("h2", Map.of("archive", "ssdb"), null, null, null, ssdb());
            try (Storage storage = Storage.open(config, dataDir)) {
                ArchiveStore archives = storage.archive();
                for (List<EntityBareJid> page = archives.archives(null, 100); !page.isEmpty();
                        page = archives.archives(null, 100)) {
                    page.forEach(archives::deleteArchive);
                }
            } finally {
                try (Stream<Path> files = Files.walk(dataDir)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
        }
    }
}
