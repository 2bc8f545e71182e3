package org.xmppd.server.modules.mam;

import java.time.Clock;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.xmppd.codec.Element;
import org.xmppd.codec.Message;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.server.router.ServerInfo;
import org.xmppd.storage.ArchiveIds;
import org.xmppd.storage.ArchivedMessage;

/**
 * Puts one-to-one messages into the archives of the local accounts that send and receive them:
 * the sender's copy when it is sent, the recipient's when it is delivered, where the message
 * also gets its XEP-0359 stanza id (the recipient's archive id) so that every resource, carbon
 * copy and offline copy carries it.
 */
final class MessageArchiver {
    private final ArchivingPolicy policy;
    private final ArchiveWriter writer;
    private final ArchiveIds ids;
    private final Clock clock;
    private final ServerInfo server;
    private final MessageRetraction retraction;

    MessageArchiver(ArchivingPolicy policy, ArchiveWriter writer, ArchiveIds ids, Clock clock, ServerInfo server,
            MessageRetraction retraction) {
        this.policy = policy;
        this.writer = writer;
        this.ids = ids;
        this.clock = clock;
        this.server = server;
        this.retraction = retraction;
    }

    /** At SENT: the sender's archive keeps an outgoing copy; never consumes the message. */
    boolean sent(Message message) throws StanzaErrorException {
        Jid from = message.from();
        Jid to = message.to();
        if (from == null || !from.hasLocalpart() || !server.isLocal(from) || to == null
                || to.asBareJid().equals(from.asBareJid()) || !Archivable.isArchivable(message)) {
            return false;
        }
        EntityBareJid owner = from.asEntityBareJidIfPossible();
        retraction.sent(owner, to.asBareJid(), message);
        if (policy.archives(owner, to.asBareJid())) {
            writer.add(new ArchivedMessage(owner, ids.next(clock.instant()), to.asBareJid().toString(),
                    resource(to), true, StanzaIds.originId(message.element()), message.element().toXml()));
        }
        return false;
    }

    /** At DELIVER: the recipient's archive keeps an incoming copy; the message goes on with its stanza id. */
    Message delivered(Message message) throws StanzaErrorException {
        Jid to = message.to();
        if (to == null || !to.hasLocalpart()) {
            return message;
        }
        EntityBareJid owner = to.asEntityBareJidIfPossible();
        Element element = StanzaIds.withoutOwnIds(message.element(), owner.toString());
        Jid from = message.from();
        BareJid peer = from == null ? owner : from.asBareJid();
        if (!Archivable.isArchivable(message) || !policy.archives(owner, peer)) {
            return element == message.element() ? message : new Message(element);
        }
        retraction.delivered(owner, peer, message);
        long id = ids.next(clock.instant());
        Element withId = StanzaIds.withStanzaId(element, owner.toString(), ArchiveIds.format(id));
        writer.add(new ArchivedMessage(owner, id, peer.toString(), from == null ? null : resource(from), false,
                StanzaIds.originId(element), withId.toXml()));
        return new Message(withId);
    }

    private static String resource(Jid jid) {
        return jid.hasResource() ? jid.getResourceOrThrow().toString() : null;
    }
}
