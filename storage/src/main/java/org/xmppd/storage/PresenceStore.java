package org.xmppd.storage;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;

/**
 * Presence state shared by the cluster: which resources are online on which node with their
 * last broadcast presence (RFC 6121 §4.2, §4.3 probes), and each account's last activity
 * (XEP-0012). Methods may block and are thread-safe; backend failures are {@link StorageException}s.
 */
public interface PresenceStore {
    /** Longest node id, see {@link #checkNodeId}. */
    int MAX_NODE_ID_LENGTH = 255;

    /**
     * Records the last presence broadcast by a resource (serialized XML) and the node holding its
     * session, replacing what was recorded before.
     *
     * @param nodeId the cluster node's id, see {@link #checkNodeId}
     */
    void setResourcePresence(EntityFullJid resource, String presenceXml, String nodeId);

    /** Forgets a resource that went offline; no-op when absent. */
    void removeResource(EntityFullJid resource);

    /** The online resources of an account with their last presence; empty when none. */
    Map<EntityFullJid, String> onlineResources(EntityBareJid account);

    /** Records when the account's last resource went offline (XEP-0012), replacing the previous record. */
    void setLastActivity(EntityBareJid account, Instant when, String status);

    Optional<LastActivity> lastActivity(EntityBareJid account);

    /**
     * Forgets every resource recorded for {@code nodeId}. Called when a node starts: a restarted
     * node holds no sessions, so whatever it recorded before a crash is stale. Not meant to run
     * while the node accepts sessions.
     */
    void clearNode(String nodeId);

    /**
     * Writes every change of {@code batch}; backends that can write them in one round trip or
     * transaction override this. Changes of different resources and accounts are independent, so
     * a failure may leave part of the batch written: applying it again is harmless.
     */
    default void apply(PresenceBatch batch) {
        batch.gone().forEach(this::removeResource);
        batch.online().forEach((resource, online) -> setResourcePresence(resource, online.presenceXml(),
                online.nodeId()));
        batch.lastSeen().forEach((account, last) -> setLastActivity(account, last.when(), last.status()));
    }

    /** Forgets the account's resources and last activity (account deletion). */
    void deleteAll(EntityBareJid account);

    /**
     * Returns {@code nodeId} if every backend can keep it: 1-{@value #MAX_NODE_ID_LENGTH} ASCII
     * characters other than controls, space and {@code '|'} (the Redis backend's separator).
     *
     * @throws IllegalArgumentException otherwise
     */
    static String checkNodeId(String nodeId) {
        if (nodeId == null || nodeId.isEmpty() || nodeId.length() > MAX_NODE_ID_LENGTH
                || !nodeId.chars().allMatch(c -> c > ' ' && c < 0x7f && c != '|')) {
            throw new IllegalArgumentException("Node id must be 1-" + MAX_NODE_ID_LENGTH
                    + " printable ASCII characters without '|' or spaces: " + nodeId);
        }
        return nodeId;
    }
}
