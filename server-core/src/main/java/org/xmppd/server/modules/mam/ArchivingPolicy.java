package org.xmppd.server.modules.mam;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.server.module.Xml;
import org.xmppd.storage.RosterStore;
import org.xmppd.storage.StorageException;
import org.xmppd.storage.UserDataStore;

/**
 * Decides per message whether a user's archive keeps it, by the user's preferences (stored as
 * user data, cached because every message asks) and, for the {@code roster} policy, the roster.
 * A store that fails here falls back to the server's default: history is not worth failing a
 * message for.
 */
final class ArchivingPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(ArchivingPolicy.class);
    static final String KIND = "mam";
    static final String KEY = "prefs";
    private static final int MAX_CACHED = 100_000;

    private final UserDataStore userData;
    private final RosterStore roster;
    private final ArchivePrefs serverDefault;
    private final Map<EntityBareJid, ArchivePrefs> cache = new ConcurrentHashMap<>();

    ArchivingPolicy(UserDataStore userData, RosterStore roster, String defaultPolicy) {
        this.userData = userData;
        this.roster = roster;
        this.serverDefault = ArchivePrefs.withDefault(defaultPolicy);
    }

    /** Whether {@code user}'s archive keeps a message exchanged with {@code peer}. */
    boolean archives(EntityBareJid user, BareJid peer) {
        try {
            ArchivePrefs prefs = prefs(user);
            String with = peer.toString();
            if (prefs.never().contains(with)) {
                return false;
            }
            if (prefs.always().contains(with) || peer.equals(user)) {
                return true;
            }
            return switch (prefs.defaultPolicy()) {
                case "always" -> true;
                case "never" -> false;
                default -> roster.item(user, peer).isPresent();
            };
        } catch (StorageException e) {
            LOG.warn("archiving preferences of {} unavailable; using the server default", user, e);
            return !serverDefault.defaultPolicy().equals("never");
        }
    }

    /** The user's preferences, or the server default when none were set. */
    ArchivePrefs prefs(EntityBareJid user) {
        ArchivePrefs cached = cache.get(user);
        if (cached != null) {
            return cached;
        }
        ArchivePrefs prefs = read(user).orElse(serverDefault);
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(user, prefs);
        return prefs;
    }

    void set(EntityBareJid user, ArchivePrefs prefs) {
        userData.put(user, KIND, KEY, prefs.toXml(MamModule.NAMESPACE).toXml());
        cache.put(user, prefs);
    }

    /** Forgets the cached preferences (account removed). */
    void forget(EntityBareJid user) {
        cache.remove(user);
    }

    private Optional<ArchivePrefs> read(EntityBareJid user) {
        Optional<String> stored = userData.get(user, KIND, KEY);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ArchivePrefs.fromXml(Xml.parseElement(stored.get())));
        } catch (StanzaErrorException | RuntimeException e) {
            LOG.warn("stored archiving preferences of {} are unreadable; using the server default", user, e);
            return Optional.empty();
        }
    }
}
