package org.xmppd.server.modules.blocking;

import org.jxmpp.jid.Jid;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.Message;
import org.xmppd.codec.Presence;
import org.xmppd.codec.Stanza;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.codec.StanzaErrors;
import org.xmppd.server.router.ServerInfo;
import org.xmppd.server.session.SessionRegistry;

/**
 * Enforces block lists (XEP-0191 §3.3) on every stanza: what an account sends to a JID it blocks
 * is refused with {@code not-acceptable} and {@code <blocked/>}; what a blocked JID sends to it is
 * dropped or refused as if the account were offline. The server itself and the account's own
 * resources are never blocked.
 */
final class BlockingPolicy {
    static final String ERRORS = "urn:xmpp:blocking:errors";

    private final BlockLists lists;
    private final SessionRegistry sessions;
    private final ServerInfo server;

    BlockingPolicy(BlockLists lists, SessionRegistry sessions, ServerInfo server) {
        this.lists = lists;
        this.sessions = sessions;
        this.server = server;
    }

    /** SENT: an account's client sends to a JID the account blocks. */
    boolean sent(Stanza stanza) throws StanzaErrorException {
        Jid from = stanza.from();
        Jid to = stanza.to();
        if (to == null || !isAccount(from) || isServer(to) || to.asBareJid().equals(from.asBareJid())
                || !lists.of(from.asEntityBareJidIfPossible()).blocks(to)) {
            return false;
        }
        if (!isAnswerable(stanza)) {
            return true; // not routed, and errors are never answered with errors
        }
        if (from.isEntityFullJid()) {
            sessions.find(from.asEntityFullJidIfPossible()).ifPresent(s -> s.deliver(blockedError(stanza.element())));
        }
        return true;
    }

    /** DELIVER: a stanza reaches an account (or one of its resources). */
    boolean deliver(Stanza stanza) throws StanzaErrorException {
        Jid from = stanza.from();
        Jid to = stanza.to();
        if (from == null || to == null || !to.hasLocalpart() || isServer(from)
                || from.asBareJid().equals(to.asBareJid())) {
            return false;
        }
        if (lists.of(to.asEntityBareJidIfPossible()).blocks(from)) {
            return refuseInbound(stanza);
        }
        // Presence the server sends on behalf of an account that blocks the recipient (broadcasts,
        // probe answers): the blocked contact must see the account as offline.
        return stanza instanceof Presence && isAccount(from)
                && lists.of(from.asEntityBareJidIfPossible()).blocks(to);
    }

    /** §3.3: presence dropped silently; messages and IQ requests get service-unavailable. */
    private static boolean refuseInbound(Stanza stanza) throws StanzaErrorException {
        boolean refused = (stanza instanceof Message && !stanza.isError())
                || (stanza instanceof Iq iq && iq.isRequest());
        if (refused) {
            throw new StanzaErrorException(StanzaErrorCondition.SERVICE_UNAVAILABLE, null);
        }
        return true;
    }

    private boolean isAccount(Jid jid) {
        return jid != null && jid.hasLocalpart() && server.isLocal(jid);
    }

    private boolean isServer(Jid jid) {
        return !jid.hasLocalpart() && server.isLocal(jid);
    }

    private static boolean isAnswerable(Stanza stanza) {
        return !stanza.isError() && !(stanza instanceof Iq iq && iq.isResponse());
    }

    /** §3.3: not-acceptable with the {@code <blocked/>} application condition. */
    static Element blockedError(Element request) {
        Element error = StanzaErrors.errorChild(StanzaErrorCondition.NOT_ACCEPTABLE, "cancel", null,
                request.namespace()).toBuilder().child(Element.of("blocked", ERRORS)).build();
        return request.toBuilder()
                .attribute("from", request.attributeOrNull("to"))
                .attribute("to", request.attributeOrNull("from"))
                .attribute("type", "error")
                .child(error)
                .build();
    }
}
