package org.xmppd.storage.ssdb;

import org.xmppd.storage.ArchiveStore;
import org.xmppd.storage.NodeStore;
import org.xmppd.storage.OfflineStore;
import org.xmppd.storage.OpenBackend;
import org.xmppd.storage.PresenceStore;
import org.xmppd.storage.RoomStore;
import org.xmppd.storage.RosterStore;
import org.xmppd.storage.UserDataStore;
import org.xmppd.storage.UserStore;

/** One connected SSDB: its connection pool and the archive store on top. */
final class SsdbStores implements OpenBackend {
    private static final String ONLY_ARCHIVE = "The ssdb backend holds only the archive store";

    private final SsdbClient client;
    private final ArchiveStore archive;

    SsdbStores(SsdbClient client, ArchiveStore archive) {
        this.client = client;
        this.archive = archive;
    }

    @Override
    public ArchiveStore archive() {
        return archive;
    }

    /** Not held here (see {@link SsdbBackend#stores()}); {@code Storage} never asks. */
    @Override
    public UserStore users() {
        throw new UnsupportedOperationException(ONLY_ARCHIVE);
    }

    @Override
    public RosterStore roster() {
        throw new UnsupportedOperationException(ONLY_ARCHIVE);
    }

    @Override
    public PresenceStore presence() {
        throw new UnsupportedOperationException(ONLY_ARCHIVE);
    }

    @Override
    public OfflineStore offline() {
        throw new UnsupportedOperationException(ONLY_ARCHIVE);
    }

    @Override
    public UserDataStore userData() {
        throw new UnsupportedOperationException(ONLY_ARCHIVE);
    }

    @Override
    public RoomStore rooms() {
        throw new UnsupportedOperationException(ONLY_ARCHIVE);
    }

    @Override
    public NodeStore nodes() {
        throw new UnsupportedOperationException(ONLY_ARCHIVE);
    }

    @Override
    public void close() {
        client.close();
    }
}
