package org.xmppd.server.modules.roster;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.xmppd.server.module.KeyedLocks;
import org.xmppd.storage.RosterItem;
import org.xmppd.storage.RosterStore;
import org.xmppd.storage.Subscription;

/**
 * Read-modify-write of one roster item under its owner's lock.
 *
 * <p>"Pending in" (§3.1.3) lives in the kept subscription request: a contact that asked but
 * is not on the roster gets no item (the RFC lets the server add one only once approved), and
 * the request stays until answered, to be delivered again at the next login.
 */
final class RosterEditor {
    /**
     * What an edit did.
     *
     * @param before  the item before, pending-in filled in; a {@code none} item when there was none
     * @param after   the item after
     * @param version the roster's new version when a visible change was stored (push it), else null
     * @param transition what the subscription tables said; null for edits by roster sets
     */
    record Edit(RosterItem before, RosterItem after, String version, SubscriptionStates.Transition transition) {
        boolean pushed() {
            return version != null;
        }
    }

    private final RosterStore store;
    private final KeyedLocks locks;

    RosterEditor(RosterStore store, KeyedLocks locks) {
        this.store = store;
        this.locks = locks;
    }

    /**
     * Applies a subscription transition to {@code owner}'s item for {@code contact}.
     *
     * @param requestXml the inbound request to keep while pending in; null for other stanzas
     */
    Edit transition(EntityBareJid owner, BareJid contact, Function<RosterItem, SubscriptionStates.Transition> table,
            String requestXml) {
        ReentrantLock lock = locks.lockFor(owner);
        lock.lock();
        try {
            RosterItem stored = store.item(owner, contact).orElse(null);
            boolean pendingIn = store.pendingRequests(owner).containsKey(contact);
            RosterItem before = withPendingIn(stored == null ? RosterItem.of(contact, Subscription.NONE) : stored,
                    pendingIn);
            SubscriptionStates.Transition transition = table.apply(before);
            RosterItem after = transition.after();
            if (after.pendingIn() && requestXml != null) {
                store.putPendingRequest(owner, contact, requestXml);
            } else if (!after.pendingIn() && pendingIn) {
                store.removePendingRequest(owner, contact);
            }
            return new Edit(before, after, write(owner, stored, before, after), transition);
        } finally {
            lock.unlock();
        }
    }

    /** Changes the item's name and groups (a roster set, §2.3), creating it when absent. */
    Edit update(EntityBareJid owner, BareJid contact, UnaryOperator<RosterItem> change) {
        ReentrantLock lock = locks.lockFor(owner);
        lock.lock();
        try {
            RosterItem stored = store.item(owner, contact).orElse(null);
            RosterItem before = stored == null ? RosterItem.of(contact, Subscription.NONE) : stored;
            RosterItem after = change.apply(before);
            String version = stored != null && after.equals(stored) ? null : store.put(owner, after);
            return new Edit(before, after, version, null);
        } finally {
            lock.unlock();
        }
    }

    /** Removes the item and any kept request (§2.5); the removed item, or null when there was none. */
    Edit remove(EntityBareJid owner, BareJid contact) {
        ReentrantLock lock = locks.lockFor(owner);
        lock.lock();
        try {
            RosterItem stored = store.item(owner, contact).orElse(null);
            if (stored == null) {
                return null;
            }
            boolean pendingIn = store.pendingRequests(owner).containsKey(contact);
            if (pendingIn) {
                store.removePendingRequest(owner, contact);
            }
            String version = store.remove(owner, contact);
            return new Edit(withPendingIn(stored, pendingIn), null, version, null);
        } finally {
            lock.unlock();
        }
    }

    /** Stores {@code after} when it differs; the new version when clients can see the change. */
    private String write(EntityBareJid owner, RosterItem stored, RosterItem before, RosterItem after) {
        boolean visible = !sameVisible(before, after);
        if (stored == null) {
            boolean trivial = after.subscription() == Subscription.NONE && !after.askOut() && !after.approved();
            return trivial ? null : store.put(owner, after);
        }
        if (after.equals(stored)) {
            return null;
        }
        String version = store.put(owner, after);
        return visible ? version : null;
    }

    /** Equal as a client sees them: pending in is the server's secret. */
    private static boolean sameVisible(RosterItem a, RosterItem b) {
        return a.subscription() == b.subscription() && a.askOut() == b.askOut() && a.approved() == b.approved()
                && Objects.equals(a.name(), b.name()) && a.groups().equals(b.groups());
    }

    private static RosterItem withPendingIn(RosterItem item, boolean pendingIn) {
        return item.pendingIn() == pendingIn ? item : new RosterItem(item.jid(), item.name(), item.subscription(),
                item.askOut(), pendingIn, item.approved(), Set.copyOf(item.groups()));
    }
}
