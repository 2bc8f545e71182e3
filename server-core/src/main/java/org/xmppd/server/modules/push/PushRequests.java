package org.xmppd.server.modules.push;

import java.time.Clock;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;

/**
 * The client's requests (XEP-0357 §5, §6), sent to its own account:
 * <pre>
 * C: &lt;iq type='set' id='x43'&gt;&lt;enable xmlns='urn:xmpp:push:0' jid='push-5.client.example' node='yxs32uqsflafdk3iuqo'&gt;
 *      &lt;x xmlns='jabber:x:data'&gt;...FORM_TYPE pubsub#publish-options, secret...&lt;/x&gt;&lt;/enable&gt;&lt;/iq&gt;
 * C: &lt;iq type='set' id='x97'&gt;&lt;disable xmlns='urn:xmpp:push:0' jid='push-5.client.example' [node='...']/&gt;&lt;/iq&gt;
 * S: &lt;iq type='result' id='x97'/&gt;
 * </pre>
 */
final class PushRequests {
    static final String DATA = "jabber:x:data";
    static final String PUBLISH_OPTIONS = "http://jabber.org/protocol/pubsub#publish-options";
    /** Longest node accepted; app servers use tokens of a few dozen characters. */
    static final int MAX_NODE_CHARS = 1024;
    /** Largest publish-options form accepted, serialized; it is stored and sent with every publish. */
    static final int MAX_OPTIONS_CHARS = 8192;

    private final PushRegistrations registrations;
    private final Clock clock;

    PushRequests(PushRegistrations registrations, Clock clock) {
        this.registrations = registrations;
        this.clock = clock;
    }

    Element enable(Iq iq) throws StanzaErrorException {
        EntityBareJid user = ownAccount(iq);
        Element enable = iq.payload().orElseThrow();
        Jid service = serviceOf(enable);
        String node = enable.attributeOrNull("node");
        if (node == null || node.isEmpty() || node.length() > MAX_NODE_CHARS) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST,
                    "'node' is required, at most " + MAX_NODE_CHARS + " characters");
        }
        registrations.enable(user, new PushRegistration(service, node, publishOptions(enable), clock.instant()));
        return iq.emptyResult();
    }

    Element disable(Iq iq) throws StanzaErrorException {
        EntityBareJid user = ownAccount(iq);
        Element disable = iq.payload().orElseThrow();
        registrations.disable(user, serviceOf(disable), disable.attributeOrNull("node"));
        return iq.emptyResult(); // also when nothing was enabled: the outcome the client wants
    }

    /** Only the account's own clients manage its notifications. */
    private static EntityBareJid ownAccount(Iq iq) throws StanzaErrorException {
        Jid from = iq.from();
        Jid to = iq.to();
        if (from == null || !from.hasLocalpart() || (to != null && !to.equals(from.asBareJid()))) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN,
                    "Only the account's own clients may change its push notifications");
        }
        return from.asEntityBareJidIfPossible();
    }

    private static Jid serviceOf(Element request) throws StanzaErrorException {
        String jid = request.attributeOrNull("jid");
        if (jid == null || jid.isEmpty()) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "'jid' of the push service is required");
        }
        try {
            return JidCreate.from(jid);
        } catch (XmppStringprepException e) {
            throw new StanzaErrorException(StanzaErrorCondition.JID_MALFORMED, "Malformed 'jid': " + jid);
        }
    }

    /** §5: an optional data form whose FORM_TYPE is publish-options; anything else is refused. */
    private static Element publishOptions(Element enable) throws StanzaErrorException {
        Element form = enable.childOrNull("x", DATA);
        if (form == null) {
            return null;
        }
        if (!PUBLISH_OPTIONS.equals(formType(form))) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST,
                    "The form's FORM_TYPE must be " + PUBLISH_OPTIONS);
        }
        if (form.toXml().length() > MAX_OPTIONS_CHARS) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE,
                    "The publish options are longer than " + MAX_OPTIONS_CHARS + " characters");
        }
        return form;
    }

    private static String formType(Element form) {
        for (Element field : form.elements()) {
            if (field.is("field", DATA) && "FORM_TYPE".equals(field.attributeOrNull("var"))) {
                return field.childText("value", DATA).map(String::strip).orElse(null);
            }
        }
        return null;
    }
}
