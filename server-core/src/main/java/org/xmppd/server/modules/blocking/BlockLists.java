package org.xmppd.server.modules.blocking;

import java.util.Collection;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jxmpp.jid.EntityBareJid;
import org.xmppd.server.module.KeyedLocks;
import org.xmppd.storage.UserDataStore;

/**
 * The accounts' block lists: kept in the {@link UserDataStore} (kind {@value #KIND}, one entry
 * per blocked JID) and cached, since every stanza to or from an account asks. Changes go through
 * here under the account's lock, which also guards loading, so the cache never holds a list older
 * than the store. Single node: a cluster would need invalidation across nodes.
 */
final class BlockLists {
    static final String KIND = "blocklist";
    /** Lists cached at most; Caffeine evicts those least likely to be used again. */
    private static final int CACHED = 10_000;

    private final UserDataStore store;
    private final KeyedLocks locks = new KeyedLocks();
    /** Read on every delivery, so without a lock; evicts on the calling thread. */
    private final Cache<EntityBareJid, BlockList> cache = Caffeine.newBuilder()
            .maximumSize(CACHED).executor(Runnable::run).build();

    BlockLists(UserDataStore store) {
        this.store = store;
    }

    /** The account's block list, from the cache or the store. */
    BlockList of(EntityBareJid account) {
        BlockList cached = cached(account);
        if (cached != null) {
            return cached;
        }
        ReentrantLock lock = locks.lockFor(account);
        lock.lock();
        try {
            BlockList loaded = cached(account);
            if (loaded == null) {
                loaded = new BlockList(new TreeSet<>(store.all(account, KIND).keySet()));
                cache(account, loaded);
            }
            return loaded;
        } finally {
            lock.unlock();
        }
    }

    /** Adds JIDs; returns the list after the change. */
    BlockList block(EntityBareJid account, Collection<String> jids) {
        return change(account, () -> {
            TreeSet<String> now = new TreeSet<>(store.all(account, KIND).keySet());
            for (String jid : jids) {
                if (now.add(jid)) {
                    store.put(account, KIND, jid, "");
                }
            }
            return new BlockList(now);
        });
    }

    /** Removes JIDs, or all of them when {@code jids} is empty; returns the list after the change. */
    BlockList unblock(EntityBareJid account, Collection<String> jids) {
        return change(account, () -> {
            if (jids.isEmpty()) {
                store.removeAll(account, KIND);
                return BlockList.EMPTY;
            }
            jids.forEach(jid -> store.remove(account, KIND, jid));
            return new BlockList(new TreeSet<>(store.all(account, KIND).keySet()));
        });
    }

    /** Runs a change under the account's lock and caches its result; a failed change leaves nothing cached. */
    private BlockList change(EntityBareJid account, Supplier<BlockList> change) {
        ReentrantLock lock = locks.lockFor(account);
        lock.lock();
        try {
            return cache(account, change.get());
        } catch (RuntimeException e) {
            cache.invalidate(account); // part of the change may be stored: read it again next time
            throw e;
        } finally {
            lock.unlock();
        }
    }

    private BlockList cached(EntityBareJid account) {
        return cache.getIfPresent(account);
    }

    private BlockList cache(EntityBareJid account, BlockList list) {
        cache.put(account, list);
        return list;
    }
}
