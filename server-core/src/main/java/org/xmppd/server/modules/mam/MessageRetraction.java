package org.xmppd.server.modules.mam;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppd.codec.Element;
import org.xmppd.codec.Message;
import org.xmppd.codec.Node;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.server.module.Xml;
import org.xmppd.storage.ArchiveStore;
import org.xmppd.storage.ArchivedMessage;
import org.xmppd.storage.StorageException;

/**
 * XEP-0424 message retraction in the archives: when the sender of a message retracts it (by its
 * origin id), the archived copies in the sender's and the recipient's archives become tombstones
 * ({@code <retracted/>} in place of the content, origin and stanza ids kept), and the retraction
 * itself is archived as well. Only the sender can retract: a retraction naming a message the
 * retracting user received is refused with {@code forbidden} and changes nothing.
 */
final class MessageRetraction {
    static final String NAMESPACE = "urn:xmpp:message-retract:1";
    private static final Logger LOG = LoggerFactory.getLogger(MessageRetraction.class);
    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(5);

    private final ArchiveStore store;
    private final ArchiveWriter writer;
    private final Clock clock;

    MessageRetraction(ArchiveStore store, ArchiveWriter writer, Clock clock) {
        this.store = store;
        this.writer = writer;
        this.clock = clock;
    }

    /** The sender's side: checks the sender sent the message, then turns the sender's copy into a tombstone. */
    void sent(EntityBareJid sender, BareJid peer, Message message) throws StanzaErrorException {
        String originId = retractedId(message);
        if (originId == null) {
            return;
        }
        Optional<ArchivedMessage> original = find(sender, peer, originId);
        if (original.isPresent() && !original.get().outgoing()) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "Only the sender can retract a message");
        }
        original.ifPresent(this::tombstone);
    }

    /** The recipient's side: the recipient's copy of a message the retracting peer sent becomes a tombstone. */
    void delivered(EntityBareJid recipient, BareJid sender, Message message) {
        String originId = retractedId(message);
        if (originId == null) {
            return;
        }
        find(recipient, sender, originId).filter(m -> !m.outgoing()).ifPresent(this::tombstone);
    }

    private Optional<ArchivedMessage> find(EntityBareJid archive, BareJid peer, String originId) {
        try {
            writer.flush(FLUSH_TIMEOUT); // the original may still be on its way to the store
            return store.findByOriginId(archive, peer.toString(), originId);
        } catch (StorageException e) {
            LOG.warn("retraction of {} in the archive of {} not applied", originId, archive, e);
            return Optional.empty();
        }
    }

    private void tombstone(ArchivedMessage original) {
        Element message = Xml.parseElement(original.stanzaXml());
        if (message.child("retracted", NAMESPACE).isPresent()) {
            return;
        }
        Element.Builder tombstone = message.toBuilder().clearChildren()
                .child(Element.builder("retracted", NAMESPACE)
                        .attribute("stamp", MamResults.stamp(clock.instant())).build());
        for (Node node : message.children()) {
            if (node instanceof Element child && child.namespace().equals(StanzaIds.NAMESPACE)) {
                tombstone.child(child); // origin-id and stanza-id: clients match the retraction by them
            }
        }
        try {
            store.replace(original.archive(), original.id(), tombstone.build().toXml());
        } catch (StorageException e) {
            LOG.warn("tombstone of message {} in the archive of {} not written", original.id(), original.archive(), e);
        }
    }

    private static String retractedId(Message message) {
        return message.element().child("retract", NAMESPACE).map(r -> r.attributeOrNull("id")).orElse(null);
    }
}
