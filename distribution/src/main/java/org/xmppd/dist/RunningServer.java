package org.xmppd.dist;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppd.server.XmppServer;
import org.xmppd.storage.Storage;

/** A started server and the storage it runs on; closing stops both, the server first. */
public final class RunningServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunningServer.class);

    private final XmppServer server;
    private final Storage storage;
    private final AtomicBoolean closed = new AtomicBoolean();

    RunningServer(XmppServer server, Storage storage) {
        this.server = server;
        this.storage = storage;
    }

    /** The running server, e.g. for {@link XmppServer#boundAddress(String)}. */
    public XmppServer server() {
        return server;
    }

    /**
     * Stops the server (clients get {@code system-shutdown}, RFC 6120 §4.9.3.22) and then the
     * storage, which the server may still write to while it drains. Safe to call more than once.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.close();
        } catch (RuntimeException e) {
            LOG.error("Stopping the server failed; closing the storage anyway", e);
        }
        storage.close();
    }
}
