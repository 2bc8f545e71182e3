package org.xmppd.server.modules.presence;

import java.time.Clock;
import org.xmppd.server.module.ModuleContext;
import org.xmppd.server.module.StanzaPhase;
import org.xmppd.server.module.StorageGuard;
import org.xmppd.server.module.XmppModule;
import org.xmppd.storage.RosterStore;

/**
 * Presence (RFC 6121 §4): who learns that a resource came, changed or went. Subscriptions,
 * which decide who may learn it, are the roster module's; this module reads the rosters.
 */
public final class PresenceModule implements XmppModule {
    /**
     * The name this node records its resources under in the presence store.
     * TODO: a per-node id from config once nodes form a cluster.
     */
    static final String NODE_ID = "local";

    @Override
    public String name() {
        return "presence";
    }

    @Override
    public void start(ModuleContext context) {
        PresenceRecorder recorder = new PresenceRecorder(context.storage().presence(), NODE_ID, Clock.systemUTC());
        recorder.startNode();
        RosterStore rosters = context.storage().roster();
        ResourceStates states = new ResourceStates(context.sessions());
        PresenceBroadcaster broadcaster = new PresenceBroadcaster(rosters, context.sessions(), context.router(),
                context.server(), states, recorder);
        ProbeHandler probes = new ProbeHandler(rosters, context.sessions(), context.router());
        context.onPresence(StanzaPhase.SENT, 0, StorageGuard.of(name(), broadcaster::sent));
        context.onPresence(StanzaPhase.DELIVER, 0, StorageGuard.of(name(), probes::deliver));
    }
}
