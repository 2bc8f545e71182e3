package org.xmppd.server.module;

import java.util.concurrent.ScheduledExecutorService;
import org.xmppd.server.router.Router;
import org.xmppd.server.router.ServerInfo;
import org.xmppd.server.session.SessionRegistry;
import org.xmppd.storage.Storage;

/** What the server hands every module's context. */
public record ModuleServices(Router router, ServerInfo server, Storage storage, ScheduledExecutorService scheduler,
        SessionRegistry sessions) {
}
