package org.xmppd.storage;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;

/**
 * Presence changes written together (see {@link PresenceStore#apply}): each resource appears at
 * most once, as online or as gone, and each account's last activity at most once.
 *
 * @param online   resources with their last presence and node, as {@link PresenceStore#setResourcePresence}
 * @param gone     resources that went offline, as {@link PresenceStore#removeResource}
 * @param lastSeen accounts whose last resource left, as {@link PresenceStore#setLastActivity}
 */
public record PresenceBatch(Map<EntityFullJid, Online> online, Set<EntityFullJid> gone,
        Map<EntityBareJid, LastActivity> lastSeen) {

    /** A resource's last broadcast presence (serialized XML) and the node holding its session. */
    public record Online(String presenceXml, String nodeId) {
        public Online {
            Objects.requireNonNull(presenceXml, "presenceXml");
            PresenceStore.checkNodeId(nodeId);
        }
    }

    public PresenceBatch {
        online = Map.copyOf(online);
        gone = Set.copyOf(gone);
        lastSeen = Map.copyOf(lastSeen);
        for (EntityFullJid resource : gone) {
            if (online.containsKey(resource)) {
                throw new IllegalArgumentException(resource + " is both online and gone");
            }
        }
    }

    public boolean isEmpty() {
        return online.isEmpty() && gone.isEmpty() && lastSeen.isEmpty();
    }

    public int size() {
        return online.size() + gone.size() + lastSeen.size();
    }
}
