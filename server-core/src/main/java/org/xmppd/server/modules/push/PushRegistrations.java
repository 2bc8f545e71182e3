package org.xmppd.server.modules.push;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppd.server.module.KeyedLocks;
import org.xmppd.storage.UserDataStore;

/**
 * The enabled app servers of each account, kept in the user data store (kind {@code push}) so
 * they survive restarts. Changes of one account run under its lock, so the limit holds when two
 * clients enable at once. Methods may block on storage.
 */
final class PushRegistrations {
    static final String KIND = "push";
    private static final Logger LOG = LoggerFactory.getLogger(PushRegistrations.class);

    private final UserDataStore store;
    private final int max;
    private final KeyedLocks locks = new KeyedLocks();

    PushRegistrations(UserDataStore store, int max) {
        this.store = store;
        this.max = max;
    }

    /** The account's registrations, oldest first; unreadable entries are logged and skipped. */
    List<PushRegistration> of(EntityBareJid user) {
        List<PushRegistration> registrations = new ArrayList<>();
        for (String xml : store.all(user, KIND).values()) {
            try {
                registrations.add(PushRegistration.parse(xml));
            } catch (IllegalArgumentException e) {
                LOG.error("push registration of {} is unreadable and is skipped", user, e);
            }
        }
        registrations.sort(Comparator.comparing(PushRegistration::since));
        return registrations;
    }

    /** §5: adds or replaces (same service and node, newest options win); past the limit the oldest goes. */
    void enable(EntityBareJid user, PushRegistration registration) {
        ReentrantLock lock = locks.lockFor(user);
        lock.lock();
        try {
            store.put(user, KIND, registration.key(), registration.toXml());
            List<PushRegistration> all = of(user);
            for (int i = 0; i < all.size() - max; i++) {
                store.remove(user, KIND, all.get(i).key());
                LOG.info("push registration {} {} of {} dropped: more than {}", all.get(i).service(),
                        all.get(i).node(), user, max);
            }
        } finally {
            lock.unlock();
        }
    }

    /** §6: removes the registrations of {@code service}, only the one of {@code node} when not null. */
    int disable(EntityBareJid user, Jid service, String node) {
        ReentrantLock lock = locks.lockFor(user);
        lock.lock();
        try {
            int removed = 0;
            for (PushRegistration registration : of(user)) {
                if (registration.matches(service, node) && store.remove(user, KIND, registration.key())) {
                    removed++;
                }
            }
            return removed;
        } finally {
            lock.unlock();
        }
    }
}
