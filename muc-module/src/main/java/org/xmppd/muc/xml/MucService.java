package org.xmppd.muc.xml;

import java.util.concurrent.ScheduledExecutorService;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.Message;
import org.xmppd.codec.Presence;
import org.xmppd.codec.Stanza;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.muc.room.RoomService;
import org.xmppd.server.module.ServiceHandler;
import org.xmppd.server.modules.mam.MamModule;

/**
 * Every stanza to {@code conference.<domain>}, a room or an occupant: sorted by kind and target
 * and handed to the thin handler that turns it into engine calls. Only users' full JIDs take
 * part in rooms (XEP-0045 §7.2 presence comes from a resource).
 */
public final class MucService implements ServiceHandler {
    private static final Logger LOG = LoggerFactory.getLogger(MucService.class);

    private final Delivery delivery;
    private final PresenceHandler presences;
    private final MessageHandler messages;
    private final DiscoHandler disco;
    private final AdminHandler admin;
    private final OwnerHandler owner;
    private final RegisterHandler register;
    private final IqProxy proxy;
    private final ArchiveHandler archive;

    MucService(RoomService rooms, Delivery delivery, String serviceName, ScheduledExecutorService scheduler,
            ArchiveHandler archive) {
        this.archive = archive;
        this.delivery = delivery;
        this.presences = new PresenceHandler(rooms);
        this.messages = new MessageHandler(rooms);
        this.disco = new DiscoHandler(rooms, serviceName);
        this.admin = new AdminHandler(rooms);
        this.owner = new OwnerHandler(rooms);
        this.register = new RegisterHandler(rooms);
        this.proxy = new IqProxy(rooms, delivery, scheduler);
    }

    /**
     * A failure inside the service answers the sender with {@code internal-server-error} and a log
     * line; it must not end the sender's stream (RFC 6120 §8.3.3.6).
     */
    @Override
    public void handle(Stanza stanza) throws StanzaErrorException {
        try {
            dispatch(stanza);
        } catch (RuntimeException e) {
            LOG.error("MUC service failed on {}", stanza, e);
            throw new StanzaErrorException(StanzaErrorCondition.INTERNAL_SERVER_ERROR, null);
        }
    }

    private void dispatch(Stanza stanza) throws StanzaErrorException {
        Jid from = stanza.from();
        EntityFullJid sender = from == null ? null : from.asEntityFullJidIfPossible();
        if (stanza instanceof Iq iq) {
            iq(iq, sender);
        } else if (sender == null) {
            if (!stanza.isError()) {
                throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE, "Rooms take users' resources");
            }
        } else if (stanza instanceof Presence presence) {
            presences.handle(presence, sender);
        } else {
            messages.handle((Message) stanza, sender);
        }
    }

    private void iq(Iq iq, EntityFullJid sender) throws StanzaErrorException {
        Jid to = iq.to();
        if (!iq.isRequest()) {
            if (sender != null && to.hasResource()) {
                proxy.response(iq, sender, to.asEntityBareJidIfPossible());
            }
            return;
        }
        if (iq.element().elements().size() != 1) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "An IQ request has exactly one payload");
        }
        Element reply;
        if (!to.hasLocalpart()) {
            reply = toService(iq);
        } else if (sender == null) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE, "Rooms take users' resources");
        } else if (to.hasResource()) {
            proxy.request(iq, sender, to.asEntityBareJidIfPossible(), to.getResourceOrThrow().toString());
            reply = null;
        } else {
            reply = toRoom(iq, sender, to.asEntityBareJidIfPossible());
        }
        if (reply != null) {
            delivery.route(reply);
        }
    }

    private Element toService(Iq iq) throws StanzaErrorException {
        Element payload = iq.payload().orElseThrow();
        boolean get = "get".equals(iq.type());
        if (get && payload.is("query", MucXml.DISCO_INFO)) {
            return disco.serviceInfo(iq);
        }
        if (get && payload.is("query", MucXml.DISCO_ITEMS)) {
            return disco.serviceItems(iq);
        }
        if (get && payload.is("unique", MucXml.UNIQUE)) {
            return disco.unique(iq);
        }
        throw new StanzaErrorException(StanzaErrorCondition.SERVICE_UNAVAILABLE, null);
    }

    private Element toRoom(Iq iq, EntityFullJid sender, EntityBareJid room) throws StanzaErrorException {
        Element payload = iq.payload().orElseThrow();
        boolean get = "get".equals(iq.type());
        String namespace = payload.namespace();
        if (MamModule.NAMESPACE.equals(namespace)) {
            return archive.handle(iq, room, sender);
        }
        if (payload.name().equals("query")) {
            switch (namespace) {
                case MucXml.DISCO_INFO:
                    return get ? disco.roomInfo(iq, room, sender) : notAllowed();
                case MucXml.DISCO_ITEMS:
                    return get ? disco.roomItems(iq, room, sender) : notAllowed();
                case MucXml.ADMIN:
                    return get ? admin.get(iq, room, sender) : admin.set(iq, room, sender);
                case MucXml.OWNER:
                    return get ? owner.get(iq, room, sender) : owner.set(iq, room, sender);
                case MucXml.REGISTER:
                    return get ? register.get(iq, room, sender) : register.set(iq, room, sender);
                default:
                    break;
            }
        }
        throw new StanzaErrorException(StanzaErrorCondition.SERVICE_UNAVAILABLE, null);
    }

    private static Element notAllowed() throws StanzaErrorException {
        throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Only get is defined");
    }
}
