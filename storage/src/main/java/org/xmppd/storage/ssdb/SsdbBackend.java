package org.xmppd.storage.ssdb;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import org.xmppd.storage.OpenBackend;
import org.xmppd.storage.SsdbConfig;
import org.xmppd.storage.StorageBackend;
import org.xmppd.storage.StorageConfig;
import org.xmppd.storage.StorageException;
import org.xmppd.storage.StoreKind;

/** The SSDB backend, {@code ssdb}: message archives only, over a pool of native-protocol connections. */
public final class SsdbBackend implements StorageBackend {
    public static final String NAME = "ssdb";

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Message archives only: an append-mostly log read in id ranges fits SSDB's ordered hashes,
     * while the other stores need transactions across keys, which SSDB does not have.
     */
    @Override
    public Set<StoreKind> stores() {
        return EnumSet.of(StoreKind.ARCHIVE);
    }

    /** Connects once ({@code ping}), so a wrong address or password fails here and not on first use. */
    @Override
    public OpenBackend open(StorageConfig config, Path dataDir) throws StorageException {
        SsdbConfig ssdb = config.ssdb();
        SsdbClient client = new SsdbClient(ssdb);
        try {
            client.ping();
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        return new SsdbStores(client, new SsdbArchiveStore(client, new ArchiveNames(ssdb.keyPrefix())));
    }
}
