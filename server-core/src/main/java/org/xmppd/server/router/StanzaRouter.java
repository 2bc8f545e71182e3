package org.xmppd.server.router;

import java.util.ArrayList;
import java.util.List;
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
import org.xmppd.codec.StanzaErrors;
import org.xmppd.server.module.ModuleRegistry;
import org.xmppd.server.module.StanzaPhase;
import org.xmppd.server.session.ClientSession;
import org.xmppd.server.session.SessionRegistry;
import org.xmppd.storage.UserStore;

/**
 * Routes stanzas per RFC 6120 §10 and RFC 6121 §8. The target is classified once (none,
 * server, account, resource, remote) and the stanza is dispatched on (kind, target).
 * Stanzas are never changed in place; errors and results are never answered with errors.
 *
 * <p>Runs on the sending session's ordered worker, so it may ask the user store.
 */
public final class StanzaRouter implements Router {
    private static final Logger LOG = LoggerFactory.getLogger(StanzaRouter.class);

    private static final java.util.Set<String> SUBSCRIPTION_TYPES =
            java.util.Set.of("subscribe", "subscribed", "unsubscribe", "unsubscribed");

    private final ServerInfo server;
    private final SessionRegistry sessions;
    private final ModuleRegistry modules;
    private final UserStore users;
    private final IqDispatcher iqDispatcher;

    public StanzaRouter(ServerInfo server, SessionRegistry sessions, ModuleRegistry modules, UserStore users) {
        this.server = server;
        this.sessions = sessions;
        this.modules = modules;
        this.users = users;
        this.iqDispatcher = new IqDispatcher(modules, this);
    }

    /** Routes a stanza sent by a local client, after its {@code from} was stamped. */
    public void routeFromClient(Stanza stanza) {
        try {
            Stanza sent = runHooks(StanzaPhase.SENT, stanza);
            if (sent != null) {
                dispatch(sent);
            }
        } catch (StanzaErrorException e) {
            bounce(stanza, e);
        }
    }

    @Override
    public void route(Element element) {
        Stanza stanza = Stanza.ofOrNull(element);
        if (stanza == null) {
            LOG.warn("not a stanza, dropped: {}", element.name());
            return;
        }
        try {
            dispatch(stanza);
        } catch (StanzaErrorException e) {
            bounce(stanza, e);
        }
    }

    private void dispatch(Stanza stanza) throws StanzaErrorException {
        Jid to = stanza.to();
        ModuleRegistry.ServiceBinding service = to == null ? null : modules.service(to.asDomainBareJid());
        if (service != null) {
            service.handler().handle(stanza);
        } else if (to == null) {
            toSelf(stanza);
        } else if (!server.isLocal(to)) {
            // No server-to-server yet: RFC 6120 §10.4.3 remote-server-not-found.
            throw new StanzaErrorException(StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND,
                    "Server-to-server delivery is not available for " + to.getDomain());
        } else if (to.isEntityFullJid()) {
            toResource(stanza, to.asEntityFullJidIfPossible());
        } else if (to.isEntityBareJid()) {
            toAccount(stanza, to.asEntityBareJidIfPossible());
        } else {
            toServer(stanza);
        }
    }

    /** RFC 6120 §10.3: no {@code to} means the sender's own account. */
    private void toSelf(Stanza stanza) throws StanzaErrorException {
        Jid from = stanza.from();
        if (stanza instanceof Iq iq) {
            iqDispatcher.dispatch(iq, from == null || !from.hasLocalpart());
        } else if (stanza instanceof Message message && from != null && from.hasLocalpart()) {
            toAccount(new Message(message.withTo(from.asBareJid())), from.asEntityBareJidIfPossible());
        }
        // A presence without 'to' is a broadcast, handled by the presence hooks at SENT.
    }

    private void toServer(Stanza stanza) throws StanzaErrorException {
        if (stanza instanceof Iq iq) {
            iqDispatcher.dispatch(iq, true);
        } else {
            runHooks(StanzaPhase.DELIVER, stanza);
        }
    }

    /** Runs the message, presence or IQ hooks of {@code phase}: the stanza to go on with, or null when consumed. */
    private Stanza runHooks(StanzaPhase phase, Stanza stanza) throws StanzaErrorException {
        if (stanza instanceof Message m) {
            return modules.runMessageHooks(phase, m);
        }
        if (stanza instanceof Presence p) {
            return modules.runPresenceHooks(phase, p) ? null : p;
        }
        return modules.runIqHooks(phase, (Iq) stanza) ? null : stanza;
    }

    private void toAccount(Stanza stanza, EntityBareJid account) throws StanzaErrorException {
        List<ClientSession> resources = sessions.sessions(account);
        if (resources.isEmpty() && !users.exists(account)) {
            // RFC 6121 §8.5.1: no such user.
            if (!(stanza instanceof Presence)) {
                throw new StanzaErrorException(StanzaErrorCondition.SERVICE_UNAVAILABLE, null);
            }
            return;
        }
        Stanza delivered = runHooks(StanzaPhase.DELIVER, stanza);
        if (delivered == null) {
            return;
        }
        if (delivered instanceof Iq iq) {
            iqDispatcher.dispatch(iq, false);
        } else if (delivered instanceof Message m) {
            MessageDelivery.toBareJid(m, resources);
        } else {
            deliverToAvailable(delivered.element(), resources);
        }
    }

    private void toResource(Stanza stanza, EntityFullJid jid) throws StanzaErrorException {
        ClientSession session = sessions.find(jid).orElse(null);
        if (session == null) {
            toAbsentResource(stanza, jid);
            return;
        }
        Stanza delivered = runHooks(StanzaPhase.DELIVER, stanza);
        if (delivered != null) {
            session.deliver(delivered.element());
        }
    }

    /** RFC 6121 §8.5.3.2: the resource is not connected. */
    private void toAbsentResource(Stanza stanza, EntityFullJid jid) throws StanzaErrorException {
        if (stanza instanceof Message m) {
            switch (m.messageType()) {
                case "normal", "chat" -> toAccount(m, jid.asEntityBareJid());
                case "groupchat" -> throw new StanzaErrorException(StanzaErrorCondition.SERVICE_UNAVAILABLE, null);
                default -> { } // headline and error: silently ignored
            }
        } else if (stanza instanceof Presence p) {
            if (SUBSCRIPTION_TYPES.contains(String.valueOf(p.type()))) {
                toAccount(p, jid.asEntityBareJid()); // §8.5.3.2.2: treated as if to the bare JID
            }
        } else if (((Iq) stanza).isRequest()) {
            throw new StanzaErrorException(StanzaErrorCondition.SERVICE_UNAVAILABLE, null);
        }
    }

    private static void deliverToAvailable(Element stanza, List<ClientSession> resources) {
        List<ClientSession> targets = new ArrayList<>();
        for (ClientSession session : resources) {
            if (session.isAvailable()) {
                targets.add(session);
            }
        }
        targets.forEach(s -> s.deliver(stanza));
    }

    /** Answers {@code stanza} with an error, unless it is itself an error or a result. */
    void bounce(Stanza stanza, StanzaErrorException cause) {
        if (stanza.isError() || (stanza instanceof Iq iq && iq.isResponse())) {
            return;
        }
        if (stanza.element().attributeOrNull("from") == null) {
            return;
        }
        route(StanzaErrors.of(stanza.element(), cause));
    }
}
