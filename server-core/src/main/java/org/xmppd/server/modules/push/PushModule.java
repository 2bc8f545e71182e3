package org.xmppd.server.modules.push;

import java.security.SecureRandom;
import java.time.Clock;
import org.xmppd.server.module.IqRoute;
import org.xmppd.server.module.ModuleContext;
import org.xmppd.server.module.StanzaPhase;
import org.xmppd.server.module.StorageGuard;
import org.xmppd.server.module.Xep;
import org.xmppd.server.module.XmppModule;

/**
 * XEP-0357: Push Notifications. Clients enable and disable app servers for their account
 * ({@link PushRequests}); the account's disco#info then lists {@code urn:xmpp:push:0} (§4.1,
 * from the IQ routes). Messages for an account without a connection are published to its app
 * servers ({@link PushNotifier}).
 */
@Xep(number = 357, version = "0.4.1")
public final class PushModule implements XmppModule {
    /**
     * After blocking, carbons and archiving (a refused message wakes nobody), before offline
     * storage, which consumes the messages it keeps.
     */
    static final int PRIORITY = -50;

    @Override
    public String name() {
        return "push";
    }

    @Override
    public Class<?> configType() {
        return PushConfig.class;
    }

    @Override
    public void start(ModuleContext context) {
        PushConfig config = context.config(PushConfig.class);
        PushRegistrations registrations = new PushRegistrations(context.storage().userData(), config.maxRegistrations());
        PushRequests requests = new PushRequests(registrations, Clock.systemUTC());
        context.onIq(IqRoute.set("enable", PushRegistration.NAMESPACE).toAccounts(), requests::enable);
        context.onIq(IqRoute.set("disable", PushRegistration.NAMESPACE).toAccounts(), requests::disable);
        PushNotifier notifier = new PushNotifier(registrations, context.sessions(), context.router(), config,
                context.scheduler(), new SecureRandom());
        context.onMessage(StanzaPhase.DELIVER, PRIORITY, StorageGuard.of(name(), notifier::delivered));
        context.onIq(StanzaPhase.DELIVER, PRIORITY, StorageGuard.of(name(), notifier::answered));
        context.onMessage(StanzaPhase.SENT, PRIORITY, notifier::active);
        context.onPresence(StanzaPhase.SENT, PRIORITY, notifier::active);
        context.onIq(StanzaPhase.SENT, PRIORITY, notifier::active);
        context.onAccountRemoved(notifier::forget); // registrations are user data, deleted with the account
    }
}
