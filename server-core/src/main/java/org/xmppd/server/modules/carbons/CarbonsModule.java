package org.xmppd.server.modules.carbons;

import java.util.List;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.Message;
import org.xmppd.codec.Namespaces;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.server.module.DiscoTarget;
import org.xmppd.server.module.IqRoute;
import org.xmppd.server.module.ModuleContext;
import org.xmppd.server.module.StanzaPhase;
import org.xmppd.server.module.Xep;
import org.xmppd.server.module.XmppModule;
import org.xmppd.server.router.MessageDelivery;
import org.xmppd.server.router.Router;
import org.xmppd.server.router.ServerInfo;
import org.xmppd.server.session.ClientSession;
import org.xmppd.server.session.SessionAttributes;
import org.xmppd.server.session.SessionRegistry;

/**
 * XEP-0280: Message Carbons. A resource enables carbons for its session (§4); then it gets a
 * {@code <sent/>} copy of what the account's other resources send (§8) and a {@code <received/>}
 * copy of what reaches the account but not this resource (§7), for the messages of
 * {@link Eligibility}.
 * <pre>
 * C: &lt;iq type='set' id='c1'&gt;&lt;enable xmlns='urn:xmpp:carbons:2'/&gt;&lt;/iq&gt;
 * S: &lt;message from='romeo@example.net' to='romeo@example.net/home' type='chat'&gt;
 *      &lt;sent xmlns='urn:xmpp:carbons:2'&gt;&lt;forwarded xmlns='urn:xmpp:forward:0'&gt;&lt;message .../&gt;...
 * </pre>
 */
@Xep(number = 280, version = "1.0.1")
public final class CarbonsModule implements XmppModule {
    public static final String NAMESPACE = "urn:xmpp:carbons:2";
    static final String FORWARD = "urn:xmpp:forward:0";
    /** After blocking (a refused message is not copied), before offline storage. */
    static final int PRIORITY = 500;
    static final SessionAttributes.Key<Boolean> ENABLED = new SessionAttributes.Key<>("carbons.enabled", Boolean.class);

    private SessionRegistry sessions;
    private Router router;
    private ServerInfo server;

    @Override
    public String name() {
        return "carbons";
    }

    @Override
    public void start(ModuleContext context) {
        sessions = context.sessions();
        router = context.router();
        server = context.server();
        context.onIq(IqRoute.set("enable", NAMESPACE).toAccounts(), iq -> toggle(iq, true));
        context.onIq(IqRoute.set("disable", NAMESPACE).toAccounts(), iq -> toggle(iq, false));
        context.feature(DiscoTarget.SERVER, NAMESPACE); // §3: clients ask their server
        context.onMessage(StanzaPhase.SENT, PRIORITY, this::sent);
        context.onMessage(StanzaPhase.DELIVER, PRIORITY, this::received);
    }

    /** §4, §5: per session; repeating an enable or a disable is no error (§10.1). */
    private Element toggle(Iq iq, boolean enable) throws StanzaErrorException {
        Jid from = iq.from();
        Jid to = iq.to();
        ClientSession session = from != null && from.isEntityFullJid()
                ? sessions.find(from.asEntityFullJidIfPossible()).orElse(null) : null;
        if (session == null || (to != null && !to.equals(from.asBareJid()))) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ALLOWED, "Only a client may set its own carbons");
        }
        session.attributes().set(ENABLED, enable ? Boolean.TRUE : null);
        return iq.emptyResult();
    }

    /** §8: copies for the sender's other carbons-enabled resources. */
    private boolean sent(Message message) throws StanzaErrorException {
        Jid from = message.from();
        Jid to = message.to();
        if (from == null || !from.isEntityFullJid() || !server.isLocal(from) || to == null
                || to.asBareJid().equals(from.asBareJid()) || !Eligibility.eligible(message, true)) {
            return false;
        }
        EntityBareJid account = from.asEntityBareJidIfPossible();
        for (ClientSession session : sessions.sessions(account)) {
            if (!session.jid().equals(from) && isEnabled(session)) {
                router.route(copy("sent", account, session, message));
            }
        }
        return false;
    }

    /** §7: copies for the recipient's carbons-enabled resources that do not get the original. */
    private boolean received(Message message) throws StanzaErrorException {
        Jid from = message.from();
        Jid to = message.to();
        if (to == null || !to.hasLocalpart() || (from != null && from.asBareJid().equals(to.asBareJid()))
                || !Eligibility.eligible(message, false)) {
            return false;
        }
        EntityBareJid account = to.asEntityBareJidIfPossible();
        List<ClientSession> resources = sessions.sessions(account);
        List<ClientSession> originals = to.isEntityFullJid()
                ? sessions.find(to.asEntityFullJidIfPossible()).map(List::of)
                        .orElseGet(() -> MessageDelivery.bareJidRecipients(message, resources))
                : MessageDelivery.bareJidRecipients(message, resources);
        for (ClientSession session : resources) {
            if (!originals.contains(session) && isEnabled(session)) {
                router.route(copy("received", account, session, message));
            }
        }
        return false;
    }

    private static boolean isEnabled(ClientSession session) {
        return session.attributes().getOrDefault(ENABLED, false);
    }

    /** §7, §8: from the account's bare JID, to the copy's resource, the original forwarded (XEP-0297). */
    private static Element copy(String direction, EntityBareJid account, ClientSession to, Message original) {
        return Element.builder("message", Namespaces.CLIENT)
                .attribute("from", account.toString())
                .attribute("to", to.jid().toString())
                .attribute("type", original.messageType())
                .child(Element.builder(direction, NAMESPACE)
                        .child(Element.builder("forwarded", FORWARD).child(original.element()).build())
                        .build())
                .build();
    }
}
