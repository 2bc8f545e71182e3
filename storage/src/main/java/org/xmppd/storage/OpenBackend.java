package org.xmppd.storage;

/**
 * An opened {@link StorageBackend}: hands out its stores and releases its connections on close.
 * Only the stores of {@link StorageBackend#stores()} are asked for; a backend may throw
 * {@link UnsupportedOperationException} for the others.
 */
public interface OpenBackend extends AutoCloseable {
    UserStore users();

    RosterStore roster();

    PresenceStore presence();

    OfflineStore offline();

    UserDataStore userData();

    RoomStore rooms();

    NodeStore nodes();

    ArchiveStore archive();

    /** Releases pools and files; the stores must not be used afterwards. */
    @Override
    void close();
}
