package org.xmppd.storage;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * A storage backend, found by {@link java.util.ServiceLoader} through
 * {@code META-INF/services/org.xmppd.storage.StorageBackend} (like Smack's XML parser SPI).
 * Implementations need a public no-argument constructor and hold no state until opened.
 */
public interface StorageBackend {
    /** The name config uses to pick this backend, e.g. {@code h2}. */
    String name();

    /**
     * The stores this backend can hold (its capabilities, like Prosody's archive {@code caps}).
     * {@link Storage} refuses a config that puts any other store on it, before opening anything,
     * and never asks the open backend for those stores.
     */
    default Set<StoreKind> stores() {
        return EnumSet.allOf(StoreKind.class);
    }

    /**
     * Connects, brings the schema up to date and returns the open backend. Called at most once
     * per {@link Storage}.
     *
     * @param config  the whole storage section; the backend reads its own sub-section
     * @param dataDir the server's data directory, for backends that keep files
     * @throws StorageException when the backend cannot be reached or migrated; the message names
     *                          the backend and its address
     */
    OpenBackend open(StorageConfig config, Path dataDir) throws StorageException;
}
