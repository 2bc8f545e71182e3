package org.xmppd.server.stream;

import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Localpart;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.Namespaces;
import org.xmppd.codec.Presence;
import org.xmppd.codec.Stanza;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrors;
import org.xmppd.codec.StreamErrorCondition;
import org.xmppd.codec.StreamErrorException;
import org.xmppd.codec.XmlWriter;
import org.xmppd.server.router.StanzaRouter;

/**
 * What an authenticated client sends: resource binding first (RFC 6120 §7), then stanzas,
 * checked (namespace, {@code from}, IQ shape) and stamped before they reach the router.
 */
final class StanzaIntake {
    private final C2sStream stream;
    private final StanzaRouter router;

    StanzaIntake(C2sStream stream, StanzaRouter router) {
        this.stream = stream;
        this.router = router;
    }

    /** Before binding only the bind request is allowed (RFC 6120 §7.1). */
    void beforeBind(Element element) throws StreamErrorException {
        Element bind = element.childOrNull("bind", Namespaces.BIND);
        if (!element.is("iq", Namespaces.CLIENT) || bind == null || !"set".equals(element.attributeOrNull("type"))) {
            throw new StreamErrorException(StreamErrorCondition.NOT_AUTHORIZED, "Bind a resource first");
        }
        String requested = bind.childText("resource", Namespaces.BIND).map(String::trim).orElse("");
        Resourcepart resource;
        try {
            resource = requested.isEmpty() ? Resourcepart.from("xmppd-" + stream.nextId())
                    : Resourcepart.from(requested);
        } catch (XmppStringprepException e) {
            reply(StanzaErrors.error(element, StanzaErrorCondition.BAD_REQUEST, "Invalid resource"));
            return;
        }
        EntityFullJid jid;
        try {
            jid = JidCreate.entityFullFrom(Localpart.from(stream.authenticatedLocalpart()),
                    stream.domain(), resource);
        } catch (XmppStringprepException e) {
            throw new StreamErrorException(StreamErrorCondition.INTERNAL_SERVER_ERROR, "Cannot form the JID");
        }
        LocalSession session = new LocalSession(jid, stream, stream.services());
        stream.bound(session);
        // Issue policy: a new login with the same full JID replaces the old session.
        stream.services().sessions().bind(session)
                .ifPresent(old -> old.close(StreamErrorCondition.CONFLICT, "Replaced by a new connection"));
        reply(Element.builder("iq", Namespaces.CLIENT)
                .attribute("id", element.attributeOrNull("id")).attribute("type", "result")
                .child(Element.builder("bind", Namespaces.BIND).textChild("jid", Namespaces.BIND, jid.toString()).build())
                .build());
    }

    /** A top-level element from a bound client. */
    void stanza(Element element) throws StreamErrorException {
        if (!Stanza.isStanzaName(element.name())) {
            throw new StreamErrorException(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE,
                    "Unsupported element " + element.name() + " in " + element.namespace());
        }
        if (!element.namespace().equals(Namespaces.CLIENT)) {
            throw new StreamErrorException(StreamErrorCondition.INVALID_NAMESPACE,
                    "Stanzas on a client stream are in " + Namespaces.CLIENT);
        }
        Element stamped = stampFrom(element);
        Stanza stanza = Stanza.ofOrNull(stamped);
        if (stanza instanceof Iq iq && !validIq(iq)) {
            return;
        }
        if (stanza instanceof Presence presence) {
            updateOwnPresence(presence);
        }
        if (stanza instanceof Iq iq && isSessionRequest(iq)) {
            stream.session().deliver(iq.emptyResult());
            return;
        }
        router.routeFromClient(stanza);
    }

    /** RFC 6120 §8.1.2.1: {@code from} is the session's JID; anything else is an invalid-from. */
    private Element stampFrom(Element element) throws StreamErrorException {
        EntityFullJid jid = stream.session().jid();
        String from = element.attributeOrNull("from");
        if (from != null) {
            Jid claimed;
            try {
                claimed = JidCreate.from(from);
            } catch (XmppStringprepException e) {
                throw new StreamErrorException(StreamErrorCondition.INVALID_FROM, "Malformed 'from'");
            }
            if (claimed.equals(jid.asEntityBareJid())) {
                return element;
            }
            if (!claimed.equals(jid)) {
                throw new StreamErrorException(StreamErrorCondition.INVALID_FROM, "'from' is not this session");
            }
        }
        return element.withAttribute("from", jid.toString());
    }

    /** RFC 6120 §8.2.3: an IQ has an id and a known type; requests carry one payload. */
    private boolean validIq(Iq iq) {
        String type = iq.type();
        boolean known = "get".equals(type) || "set".equals(type) || "result".equals(type) || "error".equals(type);
        if (iq.id() == null || !known || (iq.isRequest() && iq.element().elements().size() != 1)) {
            if (!iq.isResponse()) {
                stream.session().deliver(StanzaErrors.error(iq.element().withAttribute("from", null),
                        StanzaErrorCondition.BAD_REQUEST, "Malformed IQ"));
            }
            return false;
        }
        return true;
    }

    private static boolean isSessionRequest(Iq iq) {
        return "set".equals(iq.type()) && iq.element().attributeOrNull("to") == null
                && iq.payload().map(p -> p.is("session", Namespaces.SESSION)).orElse(false);
    }

    /**
     * Broadcast availability (no {@code to}) becomes the session's presence; directed
     * availability is noted so the session's end withdraws it (RFC 6121 §4.6.3).
     */
    private void updateOwnPresence(Presence presence) {
        String type = presence.type();
        boolean directed = presence.element().attributeOrNull("to") != null;
        if (directed && type == null) {
            stream.session().directedPresenceSent();
        } else if (!directed && (type == null || "unavailable".equals(type))) {
            stream.session().presenceSent(presence);
        }
    }

    private void reply(Element element) {
        stream.transport().send(XmlWriter.toStreamXml(element, Namespaces.CLIENT));
    }
}
