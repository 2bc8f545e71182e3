package org.xmppd.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.xmppd.server.XmppServer;
import org.xmppd.server.config.ServerConfig;
import org.xmppd.storage.Storage;

/**
 * The composition root: from a configuration it creates the directories, opens the storage and
 * starts the server on it. Everything the server needs is built here and passed in; nothing is
 * looked up globally, so two servers can run in one JVM.
 */
public final class Bootstrap {
    private final ServerConfig config;

    /**
     * @param config     the configuration as loaded
     * @param installDir what its relative paths resolve against
     *                   ({@link org.xmppd.server.config.ConfigLoader#installDirOf})
     */
    public Bootstrap(ServerConfig config, Path installDir) {
        this.config = config.resolvedAgainst(installDir);
    }

    /** The configuration with every path absolute, as the server gets it. */
    public ServerConfig config() {
        return config;
    }

    /**
     * Creates {@code data_dir} and {@code log_dir}, opens the storage and starts the server;
     * returns once it accepts connections.
     *
     * @throws IOException                         when a directory cannot be created or a
     *                                             listener cannot bind
     * @throws org.xmppd.storage.StorageException when the storage cannot be opened
     * @throws IllegalArgumentException            when the storage configuration names an
     *                                             unknown backend
     */
    public RunningServer start() throws IOException {
        Path dataDir = Files.createDirectories(Path.of(config.dataDir()));
        Files.createDirectories(Path.of(config.logDir()));
        Storage storage = Storage.open(config.storage(), dataDir);
        XmppServer server = new XmppServer(config, storage);
        try {
            server.start();
        } catch (IOException | RuntimeException e) {
            closeAfterFailedStart(server, storage, e);
            throw e;
        }
        return new RunningServer(server, storage);
    }

    private static void closeAfterFailedStart(XmppServer server, Storage storage, Exception failure) {
        try {
            server.close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
        try {
            storage.close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
