package org.xmppd.pubsub.pep;

import org.jxmpp.jid.BareJid;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.pubsub.engine.PubSubService;
import org.xmppd.pubsub.xml.ErrorReplies;
import org.xmppd.pubsub.xml.Ns;
import org.xmppd.pubsub.xml.Outcome;
import org.xmppd.pubsub.xml.OwnerRequests;
import org.xmppd.pubsub.xml.PubSubRequests;
import org.xmppd.server.router.Router;

/**
 * The pubsub requests addressed to an account (XEP-0163 §3, §4), answered by that account's PEP
 * service: without {@code to} a client speaks to its own. The reply goes out before the
 * notifications (a publisher learns its ItemID before its own notification arrives).
 * <pre>
 * C: &lt;iq type='set' id='p1'&gt;&lt;pubsub xmlns='http://jabber.org/protocol/pubsub'&gt;
 *      &lt;publish node='http://jabber.org/protocol/tune'&gt;&lt;item&gt;&lt;tune xmlns='http://jabber.org/protocol/tune'&gt;...
 * S: &lt;iq type='result' id='p1'&gt;&lt;pubsub ...&gt;&lt;publish node='...'&gt;&lt;item id='...'/&gt;&lt;/publish&gt;&lt;/pubsub&gt;&lt;/iq&gt;
 * </pre>
 */
final class PepIqHandler {
    /** Hears that a set request changed {@code node} of {@code account} (for the bookmarks and avatar mirrors). */
    @FunctionalInterface
    interface ChangeListener {
        void changed(org.jxmpp.jid.EntityBareJid account, String node, Iq request);
    }

    private final PepServices services;
    private final ChangeListener listener;
    private final PepNotifier notifier;
    private final Router router;
    private final PubSubRequests requests = new PubSubRequests();
    private final OwnerRequests ownerRequests = new OwnerRequests();

    PepIqHandler(PepServices services, PepNotifier notifier, Router router, ChangeListener listener) {
        this.services = services;
        this.listener = listener;
        this.notifier = notifier;
        this.router = router;
    }

    /** An {@link org.xmppd.server.module.IqHandler}: replies itself, so returns null. */
    Element handle(Iq iq) throws StanzaErrorException {
        BareJid account = iq.to() != null ? iq.to().asBareJid() : iq.from().asBareJid();
        PubSubService service = services.of(account);
        Outcome outcome;
        try {
            outcome = Ns.OWNER.equals(iq.payload().orElseThrow().namespace())
                    ? ownerRequests.handle(service, iq) : requests.handle(service, iq);
        } catch (StanzaErrorException e) {
            return ErrorReplies.of(iq.element(), e);
        }
        // Mirrors (private XML bookmarks, vCard photo) are written before the reply, so a client
        // that reads them once it has the result sees them.
        String node = iq.payload().orElseThrow().firstElement().map(a -> a.attributeOrNull("node")).orElse(null);
        if ("set".equals(iq.type()) && "result".equals(outcome.reply().attributeOrNull("type")) && node != null
                && account.asEntityBareJidIfPossible() != null) {
            listener.changed(account.asEntityBareJidIfPossible(), node, iq);
        }
        router.route(outcome.reply());
        notifier.send(outcome.notifications());
        return null;
    }
}
