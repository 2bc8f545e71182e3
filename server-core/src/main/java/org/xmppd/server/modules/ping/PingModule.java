package org.xmppd.server.modules.ping;

import org.xmppd.server.module.IqRoute;
import org.xmppd.server.module.ModuleContext;
import org.xmppd.server.module.Xep;
import org.xmppd.server.module.XmppModule;

/**
 * XEP-0199: XMPP Ping, answered for the server and, on their behalf, for accounts.
 * <pre>
 * C: &lt;iq type='get' id='p1' to='example.org'&gt;&lt;ping xmlns='urn:xmpp:ping'/&gt;&lt;/iq&gt;
 * S: &lt;iq type='result' id='p1' from='example.org'/&gt;
 * </pre>
 */
@Xep(number = 199, version = "2.0.1")
public final class PingModule implements XmppModule {
    public static final String NAMESPACE = "urn:xmpp:ping";

    @Override
    public String name() {
        return "ping";
    }

    @Override
    public void start(ModuleContext context) {
        context.onIq(IqRoute.get("ping", NAMESPACE).toServer().toAccounts(), iq -> iq.emptyResult());
    }
}
