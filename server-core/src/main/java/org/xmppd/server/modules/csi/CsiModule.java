package org.xmppd.server.modules.csi;

import org.xmppd.server.module.ModuleContext;
import org.xmppd.server.module.Xep;
import org.xmppd.server.module.XmppModule;
import org.xmppd.server.stream.csi.ClientState;

/**
 * XEP-0352: Client State Indication. The sessions hold presence for inactive clients
 * ({@link ClientState}); this entry offers the stream feature (§4) and switches it on.
 */
@Xep(number = 352, version = "1.0.0")
public final class CsiModule implements XmppModule {
    public static final String NAME = "csi";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void start(ModuleContext context) {
        context.streamFeature(ClientState::feature);
    }
}
