package org.xmppd.server;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.jxmpp.jid.EntityBareJid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppd.server.config.ServerConfig;
import org.xmppd.server.module.ModuleHost;
import org.xmppd.server.module.ModuleRegistry;
import org.xmppd.server.module.ModuleServices;
import org.xmppd.server.router.Router;
import org.xmppd.server.router.ServerInfo;
import org.xmppd.server.session.LocalSessionRegistry;
import org.xmppd.storage.Storage;

/**
 * Deletes accounts while the server is down ({@code xmppd deluser}) the way a running server
 * does on XEP-0077 cancel: the configured modules start without listeners, with nobody connected
 * and a router that drops what they send, so every module's account hook runs; then they stop.
 */
public final class OfflineAccounts {
    private static final Logger LOG = LoggerFactory.getLogger(OfflineAccounts.class);

    private final ServerConfig config;
    private final Storage storage;

    /** @param config the configuration, its paths already absolute */
    public OfflineAccounts(ServerConfig config, Storage storage) {
        this.config = config;
        this.storage = storage;
    }

    /** Deletes {@code account} with everything kept for it; false when there is no such account. */
    public boolean delete(EntityBareJid account) {
        if (!storage.users().exists(account)) {
            return false;
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "xmppd-offline-timer");
            thread.setDaemon(true);
            return thread;
        });
        Router dropping = stanza -> LOG.debug("not sent (the server is down): {}", stanza);
        ModuleHost modules = new ModuleHost(new ModuleRegistry(), new ModuleServices(dropping,
                new ServerInfo(config.domains(), XmppServer.NAME, "offline"), storage, scheduler,
                new LocalSessionRegistry()));
        try {
            modules.start(config, ModuleHost.available(OfflineAccounts.class.getClassLoader()));
            modules.accountRemoved(account);
            return storage.users().delete(account);
        } finally {
            modules.stopAll();
            scheduler.shutdownNow();
        }
    }
}
