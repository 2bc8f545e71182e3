package org.xmppd.server.module;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Striped locks for read-modify-write on one account's stored state (a roster, an offline
 * queue) while hooks of different senders run on different workers. A fixed number of stripes
 * keeps memory bounded whatever the number of accounts; two accounts may share a stripe, so a
 * holder must never take a second one (route stanzas to other accounts after unlocking).
 */
public final class KeyedLocks {
    private static final int STRIPES = 64;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    public KeyedLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** The lock for {@code key}; use with try/finally. */
    public ReentrantLock lockFor(Object key) {
        return locks[Math.floorMod(key.hashCode(), STRIPES)];
    }
}
