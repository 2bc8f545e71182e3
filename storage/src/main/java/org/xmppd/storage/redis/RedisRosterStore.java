package org.xmppd.storage.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.storage.Roster;
import org.xmppd.storage.RosterItem;
import org.xmppd.storage.RosterStore;
import org.xmppd.storage.RosterVersions;

/**
 * {@link RosterStore} on Redis: a hash of items per owner, a version counter and a hash of
 * pending requests. Writes touching an item and the version run as one Lua script, so every
 * version matches exactly one state of the items.
 *
 * <p>Versions count up from a random start ({@link RosterVersions}), as in the JDBC store: after
 * {@link #deleteAll} a re-created roster starts elsewhere.
 */
final class RedisRosterStore implements RosterStore {
    /** Bumps KEYS[2] by one, or sets it to ARGV[3] when it did not exist; returns it (an integer reply). */
    private static final String BUMP_VERSION = """
            local v = redis.call('INCR', KEYS[2])
            if v == 1 then
              redis.call('SET', KEYS[2], ARGV[3])
              return tonumber(ARGV[3])
            end
            return v
            """;
    /** KEYS: roster, version; ARGV: contact, item JSON, first version. */
    private static final String PUT = "redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])\n" + BUMP_VERSION;
    /** KEYS: roster, version; ARGV: contact, unused, first version. An absent item leaves the version alone. */
    private static final String REMOVE = """
            if redis.call('HDEL', KEYS[1], ARGV[1]) == 0 then
              return tonumber(redis.call('GET', KEYS[2]) or '0')
            end
            """ + BUMP_VERSION;
    /** KEYS: roster, version. Version and items read together, as one snapshot. */
    private static final String READ = "return {redis.call('GET', KEYS[2]) or '0', redis.call('HGETALL', KEYS[1])}";

    private final RedisExecutor redis;
    private final RedisKeys keys;
    private final LongSupplier versionStart;
    private final RosterItemJson json = new RosterItemJson();

    /**
     * @param versionStart the first version of a new roster, below {@link RosterVersions#MAX_START}
     */
    RedisRosterStore(RedisExecutor redis, RedisKeys keys, LongSupplier versionStart) {
        this.redis = redis;
        this.keys = keys;
        this.versionStart = versionStart;
    }

    @Override
    public Roster roster(EntityBareJid owner) {
        List<?> reply = (List<?>) redis.eval("reading the roster of " + owner, READ, versionKeys(owner), List.of());
        List<?> fields = (List<?>) reply.get(1);
        List<RosterItem> items = new ArrayList<>();
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            BareJid contact = JidCreate.bareFromOrThrowUnchecked(text(fields.get(i)));
            items.add(json.read(contact, text(fields.get(i + 1))));
        }
        items.sort(Comparator.comparing(item -> item.jid().toString()));
        return new Roster(text(reply.get(0)), items);
    }

    @Override
    public Optional<RosterItem> item(EntityBareJid owner, BareJid contact) {
        String value = redis.run("reading roster item " + contact + " of " + owner,
                jedis -> jedis.hget(keys.roster(owner), contact.toString()));
        return value == null ? Optional.empty() : Optional.of(json.read(contact, value));
    }

    @Override
    public String put(EntityBareJid owner, RosterItem item) {
        Objects.requireNonNull(item, "item");
        Object version = redis.eval("storing roster item " + item.jid() + " of " + owner, PUT, versionKeys(owner),
                List.of(item.jid().toString(), json.write(item), firstVersion()));
        return text(version);
    }

    @Override
    public String remove(EntityBareJid owner, BareJid contact) {
        Object version = redis.eval("removing roster item " + contact + " of " + owner, REMOVE, versionKeys(owner),
                List.of(contact.toString(), "", firstVersion()));
        return text(version);
    }

    @Override
    public void putPendingRequest(EntityBareJid owner, BareJid contact, String presenceXml) {
        Objects.requireNonNull(presenceXml, "presenceXml");
        redis.run("storing the subscription request of " + contact + " to " + owner,
                jedis -> jedis.hset(keys.pending(owner), contact.toString(), presenceXml));
    }

    @Override
    public Map<BareJid, String> pendingRequests(EntityBareJid owner) {
        Map<String, String> stored = redis.run("reading the subscription requests to " + owner,
                jedis -> jedis.hgetAll(keys.pending(owner)));
        Map<BareJid, String> pending = new HashMap<>();
        stored.forEach((contact, xml) -> pending.put(JidCreate.bareFromOrThrowUnchecked(contact), xml));
        return Map.copyOf(pending);
    }

    @Override
    public void removePendingRequest(EntityBareJid owner, BareJid contact) {
        redis.run("removing the subscription request of " + contact + " to " + owner,
                jedis -> jedis.hdel(keys.pending(owner), contact.toString()));
    }

    @Override
    public void deleteAll(EntityBareJid owner) {
        redis.run("deleting the roster of " + owner,
                jedis -> jedis.del(keys.roster(owner), keys.rosterVersion(owner), keys.pending(owner)));
    }

    private List<String> versionKeys(EntityBareJid owner) {
        return List.of(keys.roster(owner), keys.rosterVersion(owner));
    }

    private String firstVersion() {
        return String.valueOf(versionStart.getAsLong());
    }

    /** A reply element as text: Jedis hands out bulk strings as String or byte[], integers as Long. */
    static String text(Object reply) {
        if (reply instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return String.valueOf(reply);
    }
}
