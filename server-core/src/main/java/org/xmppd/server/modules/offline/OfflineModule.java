package org.xmppd.server.modules.offline;

import java.time.Clock;
import org.xmppd.server.module.DiscoTarget;
import org.xmppd.server.module.ModuleContext;
import org.xmppd.server.module.StanzaPhase;
import org.xmppd.server.module.StorageGuard;
import org.xmppd.server.module.Xep;
import org.xmppd.server.module.XmppModule;

/** XEP-0160: Best Practices for Handling Offline Messages. */
@Xep(number = 160, version = "1.0.1")
public final class OfflineModule implements XmppModule {
    /** Last among message hooks: blocking, carbons and the like decide first. */
    static final int PRIORITY = -100;

    @Override
    public String name() {
        return "offline";
    }

    @Override
    public Class<?> configType() {
        return OfflineConfig.class;
    }

    @Override
    public void start(ModuleContext context) {
        OfflineConfig config = context.config(OfflineConfig.class);
        OfflineMessages messages = new OfflineMessages(context.storage().offline(), context.sessions(),
                Clock.systemUTC(), config.maxMessagesPerUser());
        context.onMessage(StanzaPhase.DELIVER, PRIORITY, StorageGuard.of(name(), messages::keep));
        context.onPresence(StanzaPhase.SENT, PRIORITY, StorageGuard.of(name(), messages::deliver));
        context.feature(DiscoTarget.SERVER, "msgoffline"); // XEP-0160: announced in service discovery
    }
}
