package org.xmppd.storage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * Opens the backends the config picks for each store (each backend once, and only those some
 * store uses), runs their migrations and hands out the stores. Built by the composition root and
 * closed on shutdown.
 */
public final class Storage implements AutoCloseable {
    private final List<OpenBackend> opened;
    private final Map<StoreKind, OpenBackend> byStore;

    private Storage(List<OpenBackend> opened, Map<StoreKind, OpenBackend> byStore) {
        this.opened = List.copyOf(opened);
        this.byStore = Map.copyOf(byStore);
    }

    /** Opens storage with the backends registered through {@link ServiceLoader}. */
    public static Storage open(StorageConfig config, Path dataDir) throws StorageException {
        return open(config, dataDir, ServiceLoader.load(StorageBackend.class, Storage.class.getClassLoader()));
    }

    /**
     * Opens storage choosing among {@code backends}.
     *
     * @throws IllegalArgumentException when config names a backend that is not available; the
     *                                  message names the config key
     * @throws StorageException         when a backend cannot be opened; backends opened before it
     *                                  are closed again
     */
    public static Storage open(StorageConfig config, Path dataDir, Iterable<StorageBackend> backends)
            throws StorageException {
        Objects.requireNonNull(dataDir, "dataDir");
        Map<String, StorageBackend> available = byName(backends);
        Map<String, StorageBackend> chosen = new HashMap<>();
        for (StoreKind kind : StoreKind.values()) {
            String name = config.backendFor(kind);
            StorageBackend backend = available.get(name);
            if (backend == null) {
                throw new IllegalArgumentException(config.keyFor(kind) + ": unknown backend '" + name
                        + "' (available: " + String.join(", ", new TreeSet<>(available.keySet())) + ")");
            }
            chosen.put(name, backend);
        }
        List<OpenBackend> opened = new ArrayList<>();
        Map<String, OpenBackend> openByName = new HashMap<>();
        try {
            for (Map.Entry<String, StorageBackend> entry : chosen.entrySet()) {
                OpenBackend open = entry.getValue().open(config, dataDir);
                opened.add(open);
                openByName.put(entry.getKey(), open);
            }
        } catch (RuntimeException e) {
            closeAll(opened, e);
            throw e;
        }
        Map<StoreKind, OpenBackend> byStore = new EnumMap<>(StoreKind.class);
        for (StoreKind kind : StoreKind.values()) {
            byStore.put(kind, openByName.get(config.backendFor(kind)));
        }
        return new Storage(opened, byStore);
    }

    public UserStore users() {
        return byStore.get(StoreKind.USERS).users();
    }

    /** Closes every opened backend, even when one fails; failures are suppressed exceptions of the one thrown. */
    @Override
    public void close() {
        StorageException failure = new StorageException("Closing storage failed");
        closeAll(opened, failure);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    private static void closeAll(List<OpenBackend> backends, Throwable collector) {
        for (OpenBackend backend : backends) {
            try {
                backend.close();
            } catch (RuntimeException e) {
                collector.addSuppressed(e);
            }
        }
    }

    private static Map<String, StorageBackend> byName(Iterable<StorageBackend> backends) {
        Map<String, StorageBackend> byName = new HashMap<>();
        for (StorageBackend backend : backends) {
            StorageBackend clash = byName.putIfAbsent(backend.name(), backend);
            if (clash != null) {
                throw new StorageException("Two storage backends are named '" + backend.name() + "': "
                        + clash.getClass().getName() + " and " + backend.getClass().getName());
            }
        }
        return byName;
    }
}
