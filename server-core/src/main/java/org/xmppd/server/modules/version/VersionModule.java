package org.xmppd.server.modules.version;

import org.xmppd.codec.Element;
import org.xmppd.server.module.IqRoute;
import org.xmppd.server.module.ModuleContext;
import org.xmppd.server.module.Xep;
import org.xmppd.server.module.XmppModule;
import org.xmppd.server.router.ServerInfo;

/**
 * XEP-0092: Software Version of the server. The operating system is not disclosed (§5
 * recommends letting admins hide it, and it helps attackers more than users).
 */
@Xep(number = 92, version = "1.1")
public final class VersionModule implements XmppModule {
    public static final String NAMESPACE = "jabber:iq:version";

    @Override
    public String name() {
        return "version";
    }

    @Override
    public void start(ModuleContext context) {
        ServerInfo server = context.server();
        Element query = Element.builder("query", NAMESPACE)
                .textChild("name", NAMESPACE, server.name())
                .textChild("version", NAMESPACE, server.version())
                .build();
        context.onIq(IqRoute.get("query", NAMESPACE).toServer(), iq -> iq.result(query));
    }
}
