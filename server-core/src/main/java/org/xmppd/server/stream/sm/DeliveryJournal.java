package org.xmppd.server.stream.sm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jxmpp.jid.EntityBareJid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;
import org.xmppd.storage.InFlightMessage;
import org.xmppd.storage.OfflineStore;
import org.xmppd.storage.StorageException;

/**
 * Durable delivery (DESIGN.md "Nothing accepted is lost"): a message for a session that
 * acknowledges stanzas is written to the offline store's in-flight messages before it is
 * written to the connection, and removed when the client's {@code <a/>} covers it. Messages a
 * crash leaves in flight become offline messages at the next start ({@link #recover}).
 *
 * <p>Writes are group-committed: whoever finds no commit under way writes everything waiting,
 * in one transaction, while later callers queue for the next one. An idle server commits each
 * message at once; a busy one pays one commit for many messages.
 */
public final class DeliveryJournal {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryJournal.class);
    /** Chat states alone are transient (XEP-0085), as for offline storage. */
    private static final String CHAT_STATES = "http://jabber.org/protocol/chatstates";
    private static final String HINTS = "urn:xmpp:hints";

    /** One message waiting for its commit. */
    private static final class Hold {
        final InFlightMessage message;
        long id = UnackedQueue.Entry.NOT_JOURNALED;
        boolean done;

        Hold(InFlightMessage message) {
            this.message = message;
        }
    }

    private final OfflineStore store;
    private final boolean enabled;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    private final List<Hold> waiting = new ArrayList<>();
    private boolean committing;

    /** @param enabled false: nothing is written ({@code durable_delivery: false}) */
    public DeliveryJournal(OfflineStore store, boolean enabled) {
        this.store = store;
        this.enabled = enabled;
    }

    /**
     * Whether {@code stanza} is a message a returning user must get: chat or normal, with content
     * other than chat states and no XEP-0334 {@code <no-store/>} hint. The same messages XEP-0160
     * offline storage keeps. Copies (carbons, archive results) are not kept: their originals are.
     */
    public boolean keeps(Element stanza) {
        if (!enabled || !stanza.is("message", Namespaces.CLIENT) || isCopy(stanza)) {
            return false;
        }
        String type = stanza.attributeOrNull("type");
        if (type != null && !type.equals("chat") && !type.equals("normal")) {
            return false;
        }
        List<Element> children = stanza.elements();
        return stanza.childOrNull("no-store", HINTS) == null && !children.isEmpty()
                && !children.stream().allMatch(c -> c.namespace().equals(CHAT_STATES));
    }

    /** A carbon copy (XEP-0280) or an archive result (XEP-0313): a copy whose original is kept elsewhere. */
    public static boolean isCopy(Element stanza) {
        return stanza.is("message", Namespaces.CLIENT) && stanza.elements().stream()
                .anyMatch(c -> c.namespace().startsWith("urn:xmpp:carbons:") || c.namespace().startsWith("urn:xmpp:mam:"));
    }

    /**
     * Stores {@code stanza} for {@code user} before it is sent. When storage fails the message is
     * still sent (the session keeps it until acknowledged), only without surviving a crash.
     *
     * @return the id to release, or {@link UnackedQueue.Entry#NOT_JOURNALED}
     */
    public long hold(EntityBareJid user, Element stanza, Instant received) {
        Hold hold = new Hold(new InFlightMessage(user, stanza.toXml(), received));
        lock.lock();
        try {
            waiting.add(hold);
            while (!hold.done) {
                if (committing) {
                    committed.awaitUninterruptibly();
                } else {
                    commitWaiting();
                }
            }
            return hold.id;
        } finally {
            lock.unlock();
        }
    }

    /** Writes everything waiting in one transaction; called and returns holding the lock. */
    private void commitWaiting() {
        committing = true;
        List<Hold> batch = List.copyOf(waiting);
        waiting.clear();
        lock.unlock();
        List<Long> ids = null;
        try {
            ids = store.addInFlight(batch.stream().map(h -> h.message).toList());
        } catch (StorageException e) {
            LOG.warn("{} messages are sent without a durable copy: {}", batch.size(), e.getMessage());
        } finally {
            lock.lock();
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).id = ids == null ? UnackedQueue.Entry.NOT_JOURNALED : ids.get(i);
                batch.get(i).done = true;
            }
            committing = false;
            committed.signalAll();
        }
    }

    /** Forgets the durable copies of {@code entries} (acknowledged, or handed on elsewhere). */
    public void release(List<UnackedQueue.Entry> entries) {
        List<Long> ids = new ArrayList<>();
        for (UnackedQueue.Entry entry : entries) {
            if (entry.journaled()) {
                ids.add(entry.journalId());
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        try {
            store.removeInFlight(ids);
        } catch (StorageException e) {
            // At worst the messages are delivered again after a restart: duplicates, never loss.
            LOG.warn("{} delivered messages stay in flight: {}", ids.size(), e.getMessage());
        }
    }

    /** Turns what a previous run left in flight into offline messages; run before clients connect. */
    public int recover() {
        int moved = store.recoverInFlight();
        if (moved > 0) {
            LOG.info("{} messages left unacknowledged by the previous run are now offline messages", moved);
        }
        return moved;
    }
}
