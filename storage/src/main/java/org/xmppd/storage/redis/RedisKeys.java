package org.xmppd.storage.redis;

import org.jxmpp.jid.EntityBareJid;

/**
 * The key layout (see {@code package-info.java}); every key starts with the configured prefix.
 *
 * @param prefix {@code storage.redis.key_prefix}
 */
record RedisKeys(String prefix) {
    String roster(EntityBareJid owner) {
        return prefix + "roster:" + owner;
    }

    String rosterVersion(EntityBareJid owner) {
        return prefix + "rosterver:" + owner;
    }

    String pending(EntityBareJid owner) {
        return prefix + "pending:" + owner;
    }

    String presence(EntityBareJid account) {
        return prefix + "presence:" + account;
    }

    String lastActivity(EntityBareJid account) {
        return prefix + "last:" + account;
    }

    String node(String nodeId) {
        return prefix + "node:" + nodeId;
    }
}
