package org.xmppd.server.modules.caps;

import org.xmppd.codec.Element;
import org.xmppd.server.module.DiscoTarget;
import org.xmppd.server.module.ModuleContext;
import org.xmppd.server.module.Xep;
import org.xmppd.server.module.XmppModule;

/**
 * XEP-0115: Entity Capabilities of the server, offered as a stream feature after authentication
 * (§6.3), so a client knows the server's features without asking when it has seen them before;
 * the disco module answers the {@code node#ver} query (§6.2).
 * <pre>
 * S: &lt;stream:features&gt;&lt;bind .../&gt;&lt;c xmlns='http://jabber.org/protocol/caps' hash='sha-1'
 *        node='https://xmppd.org' ver='QgayPKawpkPSDYmwT/WM94uAlu0='/&gt;&lt;/stream:features&gt;
 * </pre>
 * The verification string is computed each time from the current server features, so modules
 * started later are included.
 */
@Xep(number = 115, version = "1.6.0")
public final class CapsModule implements XmppModule {
    public static final String NAMESPACE = "http://jabber.org/protocol/caps";

    @Override
    public String name() {
        return "caps";
    }

    @Override
    public void start(ModuleContext context) {
        context.feature(DiscoTarget.SERVER, NAMESPACE); // §6.1
        context.streamFeature(() -> Element.builder("c", NAMESPACE)
                .attribute("hash", "sha-1")
                .attribute("node", EntityCaps.NODE)
                .attribute("ver", EntityCaps.verification(context.discoInfo(DiscoTarget.SERVER)))
                .build());
    }
}
