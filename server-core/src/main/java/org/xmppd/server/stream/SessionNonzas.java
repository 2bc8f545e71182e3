package org.xmppd.server.stream;

import java.util.OptionalLong;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Localpart;
import org.jxmpp.stringprep.XmppStringprepException;
import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;
import org.xmppd.codec.StreamErrorCondition;
import org.xmppd.codec.StreamErrorException;
import org.xmppd.codec.XmlWriter;
import org.xmppd.server.stream.csi.ClientState;
import org.xmppd.server.stream.sm.SmXml;
import org.xmppd.server.stream.sm.UnackedQueue;

/**
 * The top-level elements of an authenticated stream that are not stanzas: XEP-0198 stream
 * management ({@code enable}, {@code r}, {@code a}, {@code resume}) and XEP-0352 client state
 * ({@code active}, {@code inactive}). Each is handled only when its module is on; otherwise the
 * element reaches the stanza checks, which refuse it.
 */
final class SessionNonzas {
    private final C2sStream stream;

    SessionNonzas(C2sStream stream) {
        this.stream = stream;
    }

    private StreamManagement sm() {
        return stream.services().streamManagement();
    }

    /** Authenticated, not bound: {@code <resume/>} instead of binding (§5). True when handled. */
    boolean beforeBind(Element element) throws StreamErrorException {
        if (sm() == null || !SmXml.isNonza(element)) {
            return false;
        }
        if (element.is("resume", SmXml.NS)) {
            resume(element);
        } else {
            // §3: enabling comes after binding; acks mean nothing yet.
            send(SmXml.failed("unexpected-request", -1));
        }
        return true;
    }

    /** Bound: stream management and client state nonzas. True when handled. */
    boolean afterBind(Element element) throws StreamErrorException {
        if (sm() != null && SmXml.isNonza(element)) {
            management(element);
            return true;
        }
        if (stream.services().clientStateIndication() && ClientState.isNonza(element)) {
            clientState(element);
            return true;
        }
        return false;
    }

    private void management(Element element) throws StreamErrorException {
        LocalSession session = stream.session();
        switch (element.name()) {
            case "enable" -> session.enable(isTrue(element.attributeOrNull("resume")), max(element));
            case "r" -> {
                if (session.isManaged()) {
                    session.answerRequest();
                } else {
                    send(SmXml.failed("unexpected-request", -1));
                }
            }
            case "a" -> acknowledged(session, element);
            case "resume" -> send(SmXml.failed("unexpected-request", -1)); // §5: only instead of binding
            default -> throw new StreamErrorException(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE,
                    "Unsupported element " + element.name() + " in " + SmXml.NS);
        }
    }

    private void acknowledged(LocalSession session, Element a) throws StreamErrorException {
        long h = SmXml.h(a);
        if (!session.isManaged()) {
            return; // §4: nothing was counted, so there is nothing to acknowledge
        }
        if (h < 0) {
            throw new StreamErrorException(StreamErrorCondition.BAD_FORMAT, "<a/> needs an unsigned 32-bit 'h'");
        }
        try {
            session.acknowledged(h);
        } catch (UnackedQueue.HandledCountTooHighException e) {
            stream.fail(SmXml.handledCountTooHigh(h, session.sentCount()), false);
        }
    }

    /** §5: resumes the session {@code previd} names, if this account owns it and it still exists. */
    private void resume(Element element) throws StreamErrorException {
        EntityBareJid account = account();
        String previd = element.attributeOrNull("previd");
        long h = SmXml.h(element);
        LocalSession target = sm().resumptions().find(previd, account);
        try {
            if (h >= 0 && target != null && target.resume(stream, h)) {
                stream.bound(target);
                return;
            }
        } catch (UnackedQueue.HandledCountTooHighException e) {
            stream.fail(SmXml.handledCountTooHigh(h, target.sentCount()), false);
            return;
        }
        OptionalLong handled = sm().resumptions().finalCount(previd, account);
        send(SmXml.failed("item-not-found", handled.orElse(-1)));
    }

    private void clientState(Element element) throws StreamErrorException {
        switch (element.name()) {
            case "inactive" -> stream.session().clientState().inactive();
            case "active" -> stream.session().clientActive();
            default -> throw new StreamErrorException(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE,
                    "Unsupported element " + element.name() + " in " + ClientState.NS);
        }
    }

    private EntityBareJid account() throws StreamErrorException {
        try {
            return JidCreate.entityBareFrom(Localpart.from(stream.authenticatedLocalpart()), stream.domain());
        } catch (XmppStringprepException e) {
            throw new StreamErrorException(StreamErrorCondition.INTERNAL_SERVER_ERROR, "Cannot form the JID");
        }
    }

    private static boolean isTrue(String xsdBoolean) {
        return "true".equals(xsdBoolean) || "1".equals(xsdBoolean);
    }

    /** The client's preferred resumption window (§5 {@code max}), or 0 when it names none. */
    private static long max(Element enable) {
        String max = enable.attributeOrNull("max");
        try {
            return max == null ? 0 : Math.max(0, Long.parseLong(max));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void send(Element nonza) {
        stream.transport().send(XmlWriter.toStreamXml(nonza, Namespaces.CLIENT));
    }
}
