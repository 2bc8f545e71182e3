package org.xmppd.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link PresenceStore} that takes writes at once and stores them a moment later, coalesced
 * and in one {@link PresenceStore#apply batch}, on a thread of its own. Presence changes with
 * every login, logout and status change; written one by one they cost a commit each on the
 * session's thread (most of a login's CPU on H2). Only the latest change per resource and
 * account is kept, so a short session may cost nothing but its last activity.
 *
 * <p>Reads, {@link #clearNode} and {@link #deleteAll} first write what is pending, so callers see
 * their own writes. A failed write is retried (what changed since wins); a crash loses at most
 * the last {@code delay} of changes, which the sessions (the truth for this node) do not need.
 */
public final class WriteBehindPresenceStore implements PresenceStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WriteBehindPresenceStore.class);
    private static final long MAX_BACKOFF_MS = 5_000;

    private final PresenceStore store;
    private final long delayMillis;
    /** Held while a batch is written, so writes reach the store in the order they were taken. */
    private final ReentrantLock writing = new ReentrantLock();
    private final Thread thread;
    private Map<EntityFullJid, PresenceBatch.Online> online = new HashMap<>();
    private Set<EntityFullJid> gone = new HashSet<>();
    private Map<EntityBareJid, LastActivity> lastSeen = new HashMap<>();
    private boolean closed;

    public WriteBehindPresenceStore(PresenceStore store, Duration delay) {
        this.store = Objects.requireNonNull(store, "store");
        this.delayMillis = delay.toMillis();
        this.thread = new Thread(this::run, "presence-writer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void setResourcePresence(EntityFullJid resource, String presenceXml, String nodeId) {
        PresenceBatch.Online state = new PresenceBatch.Online(presenceXml, nodeId);
        synchronized (this) {
            gone.remove(resource);
            online.put(resource, state);
            notifyAll();
        }
    }

    @Override
    public synchronized void removeResource(EntityFullJid resource) {
        online.remove(resource);
        gone.add(resource);
        notifyAll();
    }

    @Override
    public void setLastActivity(EntityBareJid account, Instant when, String status) {
        LastActivity last = new LastActivity(Instant.ofEpochMilli(when.toEpochMilli()), status);
        synchronized (this) {
            lastSeen.put(account, last);
            notifyAll();
        }
    }

    @Override
    public void apply(PresenceBatch batch) {
        synchronized (this) {
            merge(batch, true);
            notifyAll();
        }
    }

    @Override
    public Map<EntityFullJid, String> onlineResources(EntityBareJid account) {
        flush();
        return store.onlineResources(account);
    }

    @Override
    public Optional<LastActivity> lastActivity(EntityBareJid account) {
        flush();
        return store.lastActivity(account);
    }

    @Override
    public void clearNode(String nodeId) {
        PresenceStore.checkNodeId(nodeId);
        writing.lock();
        try {
            flush();
            store.clearNode(nodeId);
        } finally {
            writing.unlock();
        }
    }

    @Override
    public void deleteAll(EntityBareJid account) {
        writing.lock();
        try {
            flush();
            store.deleteAll(account);
        } finally {
            writing.unlock();
        }
    }

    /** The store written to. */
    PresenceStore backing() {
        return store;
    }

    /**
     * Writes what is pending now, on the caller's thread.
     *
     * @throws StorageException when the store fails; the changes stay pending
     */
    public void flush() {
        writing.lock();
        try {
            PresenceBatch batch = take();
            if (batch.isEmpty()) {
                return;
            }
            try {
                store.apply(batch);
            } catch (RuntimeException e) {
                synchronized (this) {
                    merge(batch, false);
                }
                throw e;
            }
        } finally {
            writing.unlock();
        }
    }

    /** Writes what is pending, then stops the writer thread. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            thread.join(10_000);
            flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (StorageException e) {
            LOG.error("closing with presence changes not stored", e);
        }
    }

    private synchronized PresenceBatch take() {
        PresenceBatch batch = new PresenceBatch(online, gone, lastSeen);
        online = new HashMap<>();
        gone = new HashSet<>();
        lastSeen = new HashMap<>();
        return batch;
    }

    /** Adds {@code batch} to what is pending; unless {@code newer}, changes pending since win over it. */
    private void merge(PresenceBatch batch, boolean newer) {
        batch.online().forEach((resource, state) -> {
            if (newer || !gone.contains(resource)) {
                gone.remove(resource);
                if (newer) {
                    online.put(resource, state);
                } else {
                    online.putIfAbsent(resource, state);
                }
            }
        });
        for (EntityFullJid resource : batch.gone()) {
            if (newer || !online.containsKey(resource)) {
                online.remove(resource);
                gone.add(resource);
            }
        }
        batch.lastSeen().forEach(newer ? lastSeen::put : lastSeen::putIfAbsent);
    }

    private void run() {
        long backoff = delayMillis;
        while (awaitChanges()) {
            sleep(backoff);
            try {
                flush();
                backoff = delayMillis;
            } catch (StorageException e) {
                backoff = Math.min(MAX_BACKOFF_MS, Math.max(50, backoff * 2));
                LOG.warn("storing presence changes failed; retrying in {} ms", backoff, e);
            }
        }
    }

    /** Waits until something is pending; false once closed. */
    private synchronized boolean awaitChanges() {
        while (!closed && online.isEmpty() && gone.isEmpty() && lastSeen.isEmpty()) {
            try {
                wait();
            } catch (InterruptedException e) {
                return false;
            }
        }
        return !closed;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
