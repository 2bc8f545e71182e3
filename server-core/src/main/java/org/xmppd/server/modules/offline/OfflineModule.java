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
    /**
     * Messages kept per account before senders get {@code service-unavailable} (XEP-0160 §2).
     * TODO: a key of the module's own config section once modules have config sections.
     */
    public static final int MAX_MESSAGES_PER_USER = 1000;
    /** Last among message hooks: blocking, carbons and the like decide first. */
    static final int PRIORITY = -100;

    @Override
    public String name() {
        return "offline";
    }

    @Override
    public void start(ModuleContext context) {
        OfflineMessages messages = new OfflineMessages(context.storage().offline(), context.sessions(),
                Clock.systemUTC(), MAX_MESSAGES_PER_USER);
        context.onMessage(StanzaPhase.DELIVER, PRIORITY, StorageGuard.of(name(), messages::keep));
        context.onPresence(StanzaPhase.SENT, PRIORITY, StorageGuard.of(name(), messages::deliver));
        context.feature(DiscoTarget.SERVER, "msgoffline"); // XEP-0160: announced in service discovery
    }
}
