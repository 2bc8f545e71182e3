package org.xmppd.server.stream;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.xmppd.server.stream.sm.DeliveryJournal;
import org.xmppd.server.stream.sm.Resumptions;
import org.xmppd.server.stream.sm.SmConfig;
import org.xmppd.storage.OfflineStore;

/**
 * What client streams share for XEP-0198 stream management: the settings, the durable delivery
 * journal, the resumable sessions, and a thread that ends sessions whose resumption window
 * closed (ending one reroutes its stanzas, which may block on storage, so not on the timer).
 * Built by the server when the {@code sm} module is listed; closed with it.
 */
public final class StreamManagement implements AutoCloseable {
    private final SmConfig config;
    private final DeliveryJournal journal;
    private final Resumptions<LocalSession> resumptions = new Resumptions<>();
    private final ExecutorService expiry;

    public StreamManagement(SmConfig config, OfflineStore store) {
        this.config = config;
        this.journal = new DeliveryJournal(store, config.durableDelivery());
        AtomicInteger threads = new AtomicInteger();
        this.expiry = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "xmppd-sm-expiry-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    SmConfig config() {
        return config;
    }

    DeliveryJournal journal() {
        return journal;
    }

    Resumptions<LocalSession> resumptions() {
        return resumptions;
    }

    /** Runs {@code task} off the timer thread. */
    void expire(Runnable task) {
        expiry.execute(task);
    }

    /**
     * Stops the expiry thread. Sessions still hibernated keep their journaled messages in
     * storage, and the next start turns them into offline messages.
     */
    @Override
    public void close() {
        expiry.shutdownNow();
    }
}
