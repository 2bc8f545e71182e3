package org.xmppd.server.modules.offline;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppd.codec.Element;
import org.xmppd.codec.Message;
import org.xmppd.codec.Presence;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.server.module.KeyedLocks;
import org.xmppd.server.module.Xml;
import org.xmppd.server.session.ClientSession;
import org.xmppd.server.session.SessionRegistry;
import org.xmppd.storage.OfflineMessage;
import org.xmppd.storage.OfflineStore;

/**
 * XEP-0160 §2 and RFC 6121 §8.5.2.2.1: a chat or normal message for an account with no
 * available resource of non-negative priority is kept, and delivered, oldest first and with a
 * XEP-0203 delay stamp, to the next resource that announces non-negative availability.
 *
 * <p>Keeping and delivering run under the account's lock, after the sessions were consulted:
 * a message that finds nobody available is stored before a resource arriving at the same time
 * empties the store, so none is stranded until the next login.
 */
final class OfflineMessages {
    static final String DELAY = "urn:xmpp:delay";
    /** Chat states are transient (XEP-0085): a stored "composing" would mislead. */
    static final String CHAT_STATES = "http://jabber.org/protocol/chatstates";
    /** XEP-0334 hint asking servers not to store the message. */
    static final String HINTS = "urn:xmpp:hints";

    private static final Logger LOG = LoggerFactory.getLogger(OfflineMessages.class);

    private final OfflineStore store;
    private final SessionRegistry sessions;
    private final KeyedLocks locks = new KeyedLocks();
    private final Clock clock;
    private final int limit;

    OfflineMessages(OfflineStore store, SessionRegistry sessions, Clock clock, int limit) {
        this.store = store;
        this.sessions = sessions;
        this.clock = clock;
        this.limit = limit;
    }

    /** The DELIVER hook: consumes the messages it keeps (or drops as transient). */
    boolean keep(Message message) throws StanzaErrorException {
        Jid to = message.to();
        String type = message.messageType();
        if (to == null || !to.hasLocalpart() || !(type.equals("chat") || type.equals("normal"))) {
            return false;
        }
        if (to.isEntityFullJid() && sessions.find(to.asEntityFullJidIfPossible()).isPresent()) {
            return false; // the router delivers to that resource
        }
        EntityBareJid user = to.asEntityBareJidIfPossible();
        ReentrantLock lock = locks.lockFor(user);
        lock.lock();
        try {
            if (canReceive(user)) {
                return false;
            }
            if (isTransient(message.element())) {
                return true;
            }
            if (!store.add(user, message.element().toXml(), clock.instant(), limit)) {
                throw new StanzaErrorException(StanzaErrorCondition.SERVICE_UNAVAILABLE,
                        "The offline message storage of " + user + " is full (" + limit
                                + " messages); try again when they have been online");
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The SENT presence hook: a resource became available with a non-negative priority. */
    boolean deliver(Presence presence) throws StanzaErrorException {
        Jid from = presence.from();
        if (presence.type() != null || presence.to() != null || from == null || !from.isEntityFullJid()
                || presence.priority() < 0) {
            return false;
        }
        EntityFullJid resource = from.asEntityFullJidIfPossible();
        ClientSession session = sessions.find(resource).orElse(null);
        if (session == null) {
            return false;
        }
        EntityBareJid user = resource.asEntityBareJid();
        ReentrantLock lock = locks.lockFor(user);
        lock.lock();
        try {
            List<OfflineMessage> messages = store.list(user);
            List<Long> delivered = new ArrayList<>(messages.size());
            for (OfflineMessage message : messages) {
                deliverOne(session, user, message);
                delivered.add(message.id());
            }
            if (!delivered.isEmpty()) {
                store.remove(user, delivered);
            }
        } finally {
            lock.unlock();
        }
        return false;
    }

    private void deliverOne(ClientSession session, EntityBareJid user, OfflineMessage message) {
        Element stanza;
        try {
            stanza = Xml.parseElement(message.stanzaXml());
        } catch (IllegalArgumentException e) {
            LOG.error("offline message {} of {} is unreadable and is dropped", message.id(), user, e);
            return;
        }
        if (hasOwnDelay(stanza, user)) {
            session.deliver(stanza); // stamped when first delivery failed (XEP-0198 unacknowledged)
        } else {
            session.deliver(stanza.toBuilder().child(delay(user, message.received())).build());
        }
    }

    /** XEP-0203 §3: one stamp per entity; the earliest of this server's is the true receipt time. */
    private static boolean hasOwnDelay(Element stanza, EntityBareJid user) {
        String domain = user.asDomainBareJid().toString();
        return stanza.elements().stream()
                .anyMatch(c -> c.is("delay", DELAY) && domain.equals(c.attributeOrNull("from")));
    }

    /** XEP-0203: when the server received it, stamped by the recipient's domain. */
    private static Element delay(EntityBareJid user, Instant received) {
        return Element.builder("delay", DELAY)
                .attribute("from", user.asDomainBareJid().toString())
                .attribute("stamp", DateTimeFormatter.ISO_INSTANT.format(received.truncatedTo(ChronoUnit.MILLIS)))
                .build();
    }

    /** RFC 6121 §8.5.2.1.1: an available resource with non-negative priority gets bare-JID messages. */
    private boolean canReceive(EntityBareJid user) {
        for (ClientSession session : sessions.sessions(user)) {
            if (session.isAvailable() && session.presence().priority() >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Nothing a returning user needs: chat states alone, or a no-store hint (XEP-0334). */
    private static boolean isTransient(Element message) {
        if (message.childOrNull("no-store", HINTS) != null) {
            return true;
        }
        List<Element> children = message.elements();
        return !children.isEmpty() && children.stream().allMatch(c -> c.namespace().equals(CHAT_STATES));
    }
}
