package org.xmppd.server.modules.presence;

import java.time.Clock;
import org.jxmpp.jid.EntityFullJid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppd.codec.Presence;
import org.xmppd.storage.PresenceStore;
import org.xmppd.storage.StorageException;

/**
 * Keeps the {@link PresenceStore} in step with the sessions: who is online where with which
 * presence, and when an account's last resource left (XEP-0012). The sessions stay the truth
 * for this node, so a store outage is logged and presence itself carries on.
 */
final class PresenceRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceRecorder.class);

    private final PresenceStore store;
    private final String nodeId;
    private final Clock clock;

    PresenceRecorder(PresenceStore store, String nodeId, Clock clock) {
        this.store = store;
        this.nodeId = PresenceStore.checkNodeId(nodeId);
        this.clock = clock;
    }

    /** A restarted node holds no sessions: whatever it recorded before is stale. */
    void startNode() {
        store.clearNode(nodeId);
    }

    void available(EntityFullJid resource, Presence presence) {
        try {
            store.setResourcePresence(resource, presence.element().toXml(), nodeId);
        } catch (StorageException e) {
            LOG.warn("cannot record the presence of {}", resource, e);
        }
    }

    /** The resource left; {@code last} when the account has no other available resource. */
    void unavailable(EntityFullJid resource, Presence presence, boolean last) {
        try {
            store.removeResource(resource);
            if (last) {
                String status = presence.element().childText("status", presence.element().namespace()).orElse(null);
                store.setLastActivity(resource.asEntityBareJid(), clock.instant(), status);
            }
        } catch (StorageException e) {
            LOG.warn("cannot record that {} went offline", resource, e);
        }
    }
}
