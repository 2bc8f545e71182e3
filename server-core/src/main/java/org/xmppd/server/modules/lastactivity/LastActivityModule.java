package org.xmppd.server.modules.lastactivity;

import java.time.Clock;
import org.xmppd.server.module.IqRoute;
import org.xmppd.server.module.ModuleContext;
import org.xmppd.server.module.Xep;
import org.xmppd.server.module.XmppModule;

/**
 * XEP-0012: Last Activity. The server answers with its uptime (§5); an account's bare JID with
 * the seconds since its last resource went offline and that presence's status (§4), or 0 while
 * it has an available resource. Full JIDs reach the client itself (§3), through the router.
 * <pre>
 * C: &lt;iq type='get' to='juliet@example.com' id='l1'&gt;&lt;query xmlns='jabber:iq:last'/&gt;&lt;/iq&gt;
 * S: &lt;iq type='result' from='juliet@example.com' id='l1'&gt;&lt;query xmlns='jabber:iq:last' seconds='903'&gt;Heading Home&lt;/query&gt;&lt;/iq&gt;
 * </pre>
 */
@Xep(number = 12, version = "2.0")
public final class LastActivityModule implements XmppModule {
    public static final String NAMESPACE = "jabber:iq:last";

    private final Clock clock;

    public LastActivityModule() {
        this(Clock.systemUTC());
    }

    LastActivityModule(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "lastactivity";
    }

    @Override
    public void start(ModuleContext context) {
        LastActivityHandler handler = new LastActivityHandler(clock, clock.instant(), context.sessions(),
                context.storage().roster(), context.storage().presence());
        context.onIq(IqRoute.get("query", NAMESPACE).toServer().toAccounts(), handler::lastActivity);
    }
}

