package org.xmppd.server.modules.mam;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppd.storage.ArchiveStore;
import org.xmppd.storage.ArchivedMessage;
import org.xmppd.storage.StorageException;

/**
 * Writes archived messages in batches on a thread of its own, so archiving costs the message
 * path no storage round trip and many messages share one commit. A failed batch is retried
 * until it is stored (history is never dropped for a passing outage). {@link #flush} lets a
 * query see every message archived before it.
 */
public final class ArchiveWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveWriter.class);
    private static final int MAX_BATCH = 500;
    private static final long MAX_BACKOFF_MS = 5_000;

    private final ArchiveStore store;
    private final LinkedBlockingQueue<ArchivedMessage> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final Object progress = new Object();
    private long enqueued;
    private long written;
    private volatile boolean closing;

    public ArchiveWriter(ArchiveStore store, String name) {
        this.store = store;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues {@code message} for storage; returns at once. */
    public void add(ArchivedMessage message) {
        synchronized (progress) {
            queue.add(message);
            enqueued++;
        }
    }

    /**
     * Waits until every message queued before the call is stored.
     *
     * @throws StorageException when that takes longer than {@code timeout} (the store is failing)
     */
    public void flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            long target = enqueued;
            while (written < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new StorageException("archived messages are not stored yet: " + (target - written)
                            + " waiting");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StorageException("interrupted while waiting for the archive", e);
                }
            }
        }
    }

    /** Stores what is queued (waiting up to ten seconds), then stops the thread. */
    @Override
    public void close() {
        try {
            flush(Duration.ofSeconds(10));
        } catch (StorageException e) {
            LOG.error("closing with {} messages not archived", queue.size(), e);
        }
        closing = true;
        thread.interrupt();
    }

    private void run() {
        List<ArchivedMessage> batch = new ArrayList<>();
        while (!closing) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue; // closing is checked by the loop
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            storeUntilDone(batch);
            synchronized (progress) {
                written += batch.size();
                progress.notifyAll();
            }
            batch.clear();
        }
    }

    private void storeUntilDone(List<ArchivedMessage> batch) {
        long backoff = 50;
        while (true) {
            try {
                store.append(batch);
                return;
            } catch (RuntimeException e) {
                LOG.warn("archiving {} messages failed; retrying in {} ms", batch.size(), backoff, e);
                if (closing) {
                    LOG.error("server stopping: {} messages not archived", batch.size());
                    return;
                }
                sleep(backoff);
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
