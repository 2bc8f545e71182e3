package org.xmppd.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Opens the backends the config picks for each store (each backend once, and only those some
 * store uses), runs their migrations and hands out the stores. Built by the composition root and
 * closed on shutdown.
 */
public final class Storage implements AutoCloseable {
    private final List<OpenBackend> opened;
    private final UserStore users;
    private final RosterStore roster;
    /** Presence changes with every login and logout: written behind, batched (see the class). */
    private static final Duration PRESENCE_WRITE_DELAY = Duration.ofMillis(100);

    private final WriteBehindPresenceStore presence;
    private final OfflineStore offline;
    private final UserDataStore userData;
    private final RoomStore rooms;
    private final NodeStore nodes;
    private final ArchiveStore archive;

    private Storage(List<OpenBackend> opened, Map<StoreKind, OpenBackend> byStore) {
        this.opened = List.copyOf(opened);
        this.users = byStore.get(StoreKind.USERS).users();
        this.roster = byStore.get(StoreKind.ROSTER).roster();
        this.presence = new WriteBehindPresenceStore(byStore.get(StoreKind.PRESENCE).presence(), PRESENCE_WRITE_DELAY);
        this.offline = byStore.get(StoreKind.OFFLINE).offline();
        this.userData = byStore.get(StoreKind.USER_DATA).userData();
        this.rooms = byStore.get(StoreKind.ROOMS).rooms();
        this.nodes = byStore.get(StoreKind.NODES).nodes();
        this.archive = byStore.get(StoreKind.ARCHIVE).archive();
    }

    /** Opens storage with the backends registered through {@link ServiceLoader}. */
    public static Storage open(StorageConfig config, Path dataDir) throws StorageException {
        return open(config, dataDir, installedBackends());
    }

    /**
     * Checks, without opening anything, that every store names an installed backend able to hold
     * it (for {@code xmppd check}); {@link #open} runs the same checks first.
     *
     * @throws IllegalArgumentException naming the config key that chose a wrong backend
     */
    public static void validate(StorageConfig config) {
        choose(config, byName(installedBackends()));
    }

    /**
     * Opens storage choosing among {@code backends}.
     *
     * @throws IllegalArgumentException when config names a backend that is not available or that
     *                                  cannot hold the store; the message names the config key
     * @throws StorageException         when a backend cannot be opened; backends opened before it
     *                                  are closed again
     */
    public static Storage open(StorageConfig config, Path dataDir, Iterable<StorageBackend> backends)
            throws StorageException {
        Objects.requireNonNull(dataDir, "dataDir");
        Map<String, StorageBackend> chosen = choose(config, byName(backends));
        List<OpenBackend> opened = new ArrayList<>();
        Map<String, OpenBackend> openByName = new HashMap<>();
        try {
            for (Map.Entry<String, StorageBackend> entry : chosen.entrySet()) {
                OpenBackend open = entry.getValue().open(config, dataDir);
                opened.add(open);
                openByName.put(entry.getKey(), open);
            }
            Map<StoreKind, OpenBackend> byStore = new HashMap<>();
            for (StoreKind kind : StoreKind.values()) {
                byStore.put(kind, openByName.get(config.backendFor(kind)));
            }
            return new Storage(opened, byStore);
        } catch (RuntimeException e) {
            closeAll(opened, e);
            throw e;
        }
    }

    public UserStore users() {
        return users;
    }

    public RosterStore roster() {
        return roster;
    }

    public PresenceStore presence() {
        return presence;
    }

    public OfflineStore offline() {
        return offline;
    }

    public UserDataStore userData() {
        return userData;
    }

    /** Persistent XEP-0045 rooms. */
    public RoomStore rooms() {
        return rooms;
    }

    /** XEP-0060 pubsub and XEP-0163 PEP nodes with their items, subscriptions and affiliations. */
    public NodeStore nodes() {
        return nodes;
    }

    /** XEP-0313 message archives of accounts and rooms. */
    public ArchiveStore archive() {
        return archive;
    }

    /** Closes every opened backend, even when one fails; failures are suppressed exceptions of the one thrown. */
    @Override
    public void close() {
        StorageException failure = new StorageException("Closing storage failed");
        presence.close();
        closeAll(opened, failure);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    /** The backends some store uses, by name, after checking each store's choice. */
    private static Map<String, StorageBackend> choose(StorageConfig config, Map<String, StorageBackend> available) {
        Map<String, StorageBackend> chosen = new HashMap<>();
        for (StoreKind kind : StoreKind.values()) {
            String name = config.backendFor(kind);
            StorageBackend backend = available.get(name);
            if (backend == null) {
                throw new IllegalArgumentException(config.keyFor(kind) + ": unknown backend '" + name
                        + "' (available: " + String.join(", ", new TreeSet<>(available.keySet())) + ")");
            }
            if (!backend.stores().contains(kind)) {
                throw new IllegalArgumentException(config.keyFor(kind) + ": backend '" + name + "' cannot hold the '"
                        + kind.key() + "' store (it holds: " + keys(backend) + "); set storage.stores."
                        + kind.key() + " to another backend");
            }
            chosen.put(name, backend);
        }
        return chosen;
    }

    private static String keys(StorageBackend backend) {
        return backend.stores().stream().sorted().map(StoreKind::key).collect(Collectors.joining(", "));
    }

    private static Iterable<StorageBackend> installedBackends() {
        return ServiceLoader.load(StorageBackend.class, Storage.class.getClassLoader());
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
