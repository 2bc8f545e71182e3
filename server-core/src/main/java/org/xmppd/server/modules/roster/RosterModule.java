package org.xmppd.server.modules.roster;

import org.xmppd.codec.Element;
import org.xmppd.server.module.IqRoute;
import org.xmppd.server.module.KeyedLocks;
import org.xmppd.server.module.ModuleContext;
import org.xmppd.server.module.StanzaPhase;
import org.xmppd.server.module.StorageGuard;
import org.xmppd.server.module.Xep;
import org.xmppd.server.module.XmppModule;
import org.xmppd.server.router.Router;

/**
 * Rosters and presence subscriptions (RFC 6121 §2-3, XEP-0237 roster versioning).
 *
 * <p>Subscriptions live here rather than in the presence module because every subscription
 * stanza is a roster change: the state tables of Appendix A edit roster items, and their
 * results go to the interested resources (§2.1.6) that only roster requests create (ejabberd's
 * mod_roster makes the same cut). The presence module reads rosters to know whom to tell.
 */
@Xep(number = 237, version = "1.3")
public final class RosterModule implements XmppModule {
    /** Above ordinary presence handling: subscription stanzas are consumed here. */
    static final int SUBSCRIPTION_PRIORITY = 100;

    @Override
    public String name() {
        return "roster";
    }

    @Override
    public void start(ModuleContext context) {
        Router router = context.router();
        RosterEditor editor = new RosterEditor(context.storage().roster(), new KeyedLocks());
        InterestedResources interested = new InterestedResources(context.sessions());
        PresenceSharing sharing = new PresenceSharing(router, context.sessions(), context.server());
        RosterIqHandler iq = new RosterIqHandler(context.storage().roster(), editor, interested, context.sessions(),
                router, sharing);
        context.onIq(IqRoute.get("query", RosterXml.NAMESPACE).toAccounts(), iq::get);
        context.onIq(IqRoute.set("query", RosterXml.NAMESPACE).toAccounts(), iq::set);
        SubscriptionHandler subscriptions = new SubscriptionHandler(editor, interested, router, sharing);
        context.onPresence(StanzaPhase.SENT, SUBSCRIPTION_PRIORITY, StorageGuard.of(name(), subscriptions::outbound));
        context.onPresence(StanzaPhase.DELIVER, SUBSCRIPTION_PRIORITY, StorageGuard.of(name(), subscriptions::inbound));
        // RFC 6121 §2.6.1 and §3.4.1: clients use versioning and pre-approval only when announced.
        context.streamFeature(() -> Element.of("ver", "urn:xmpp:features:rosterver"));
        context.streamFeature(() -> Element.of("sub", "urn:xmpp:features:pre-approval"));
    }
}
