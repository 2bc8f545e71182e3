package org.xmppd.storage.redis;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppd.storage.LastActivity;
import org.xmppd.storage.PresenceStore;

import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * {@link PresenceStore} on Redis: a hash of {@code resource -> node|presence} per account, a set
 * of full JIDs per node (so {@link #clearNode} need not scan every account) and a
 * {@code millis|status} string per account for last activity.
 *
 * <p>A node set may hold a JID whose resource has since moved to another node or gone; entries
 * are only removed from the presence hash when the hash still names that node, so such leftovers
 * are harmless and {@link #clearNode} drops them.
 */
final class RedisPresenceStore implements PresenceStore {
    private static final Logger LOG = LoggerFactory.getLogger(RedisPresenceStore.class);
    private static final char SEPARATOR = '|';
    private static final int SCAN_BATCH = 500;

    /** KEYS: presence hash, node set; ARGV: resource, node|presence, full JID. Returns the old value. */
    private static final String SET = """
            local old = redis.call('HGET', KEYS[1], ARGV[1])
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('SADD', KEYS[2], ARGV[3])
            return old
            """;
    /** KEYS: presence hash, node set; ARGV: resource, full JID. */
    private static final String REMOVE = """
            redis.call('HDEL', KEYS[1], ARGV[1])
            redis.call('SREM', KEYS[2], ARGV[2])
            """;
    /** KEYS: presence hash, node set; ARGV: resource, node, full JID. Removes the entry only while it names the node. */
    private static final String REMOVE_IF_ON_NODE = """
            local v = redis.call('HGET', KEYS[1], ARGV[1])
            if v and string.sub(v, 1, string.len(ARGV[2]) + 1) == ARGV[2] .. '|' then
              redis.call('HDEL', KEYS[1], ARGV[1])
            end
            redis.call('SREM', KEYS[2], ARGV[3])
            """;

    private final RedisExecutor redis;
    private final RedisKeys keys;

    RedisPresenceStore(RedisExecutor redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public void setResourcePresence(EntityFullJid resource, String presenceXml, String nodeId) {
        Objects.requireNonNull(presenceXml, "presenceXml");
        PresenceStore.checkNodeId(nodeId);
        String action = "storing the presence of " + resource;
        Object old = redis.eval(action, SET, List.of(keys.presence(resource.asEntityBareJid()), keys.node(nodeId)),
                List.of(resource.getResourcepart().toString(), nodeId + SEPARATOR + presenceXml, resource.toString()));
        if (old != null) {
            String oldNode = nodeOf(RedisRosterStore.text(old));
            if (!oldNode.equals(nodeId)) {
                // The resource moved nodes: the old node's set should no longer list it.
                redis.run(action, jedis -> jedis.srem(keys.node(oldNode), resource.toString()));
            }
        }
    }

    @Override
    public void removeResource(EntityFullJid resource) {
        String action = "removing the presence of " + resource;
        String presenceKey = keys.presence(resource.asEntityBareJid());
        String value = redis.run(action, jedis -> jedis.hget(presenceKey, resource.getResourcepart().toString()));
        if (value != null) {
            redis.eval(action, REMOVE, List.of(presenceKey, keys.node(nodeOf(value))),
                    List.of(resource.getResourcepart().toString(), resource.toString()));
        }
    }

    @Override
    public Map<EntityFullJid, String> onlineResources(EntityBareJid account) {
        Map<String, String> stored = redis.run("reading the online resources of " + account,
                jedis -> jedis.hgetAll(keys.presence(account)));
        Map<EntityFullJid, String> online = new HashMap<>();
        stored.forEach((resource, value) -> online.put(
                JidCreate.entityFullFrom(account, Resourcepart.fromOrThrowUnchecked(resource)),
                value.substring(value.indexOf(SEPARATOR) + 1)));
        return Map.copyOf(online);
    }

    @Override
    public void setLastActivity(EntityBareJid account, Instant when, String status) {
        Objects.requireNonNull(when, "when");
        String value = status == null ? String.valueOf(when.toEpochMilli()) : when.toEpochMilli() + "|" + status;
        redis.run("storing the last activity of " + account, jedis -> jedis.set(keys.lastActivity(account), value));
    }

    @Override
    public Optional<LastActivity> lastActivity(EntityBareJid account) {
        String value = redis.run("reading the last activity of " + account,
                jedis -> jedis.get(keys.lastActivity(account)));
        if (value == null) {
            return Optional.empty();
        }
        int separator = value.indexOf(SEPARATOR);
        long millis = Long.parseLong(separator < 0 ? value : value.substring(0, separator));
        return Optional.of(new LastActivity(Instant.ofEpochMilli(millis),
                separator < 0 ? null : value.substring(separator + 1)));
    }

    @Override
    public void clearNode(String nodeId) {
        PresenceStore.checkNodeId(nodeId);
        String action = "clearing the presences of node " + nodeId;
        String nodeKey = keys.node(nodeId);
        ScanParams batch = new ScanParams().count(SCAN_BATCH);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            String from = cursor;
            ScanResult<String> page = redis.run(action, jedis -> jedis.sscan(nodeKey, from, batch));
            for (String member : page.getResult()) {
                removeIfOnNode(action, nodeKey, nodeId, member);
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
    }

    @Override
    public void deleteAll(EntityBareJid account) {
        String action = "deleting the presence state of " + account;
        Map<String, String> stored = redis.run(action, jedis -> jedis.hgetAll(keys.presence(account)));
        stored.forEach((resource, value) -> redis.run(action,
                jedis -> jedis.srem(keys.node(nodeOf(value)), account + "/" + resource)));
        redis.run(action, jedis -> jedis.del(keys.presence(account), keys.lastActivity(account)));
    }

    private void removeIfOnNode(String action, String nodeKey, String nodeId, String member) {
        EntityFullJid resource;
        try {
            resource = JidCreate.entityFullFromOrThrowUnchecked(member);
        } catch (IllegalArgumentException e) {
            LOG.warn("Dropping '{}' from {}: not a full JID", member, nodeKey, e);
            redis.run(action, jedis -> jedis.srem(nodeKey, member));
            return;
        }
        redis.eval(action, REMOVE_IF_ON_NODE, List.of(keys.presence(resource.asEntityBareJid()), nodeKey),
                List.of(resource.getResourcepart().toString(), nodeId, member));
    }

    private static String nodeOf(String value) {
        int separator = value.indexOf(SEPARATOR);
        return separator < 0 ? value : value.substring(0, separator);
    }
}
