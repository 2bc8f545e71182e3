package org.xmppd.muc.room;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;

/**
 * One room's state. Everything here is read and changed only while holding the room's monitor
 * ({@link RoomService} takes it), so the class itself does no locking; hooks and the event
 * publisher see it read-only through the public methods.
 */
public final class Room {
    /** Hidden option: the secret behind the room's XEP-0421 occupant ids, made when the room is. */
    static final RoomOption<String> ID_SECRET = RoomOption.text("x-xmppd#occupant_id_secret", "");

    private final EntityBareJid jid;
    private final Instant created;
    private final Map<BareJid, AffiliationEntry> affiliations = new HashMap<>();
    private final Map<String, Occupant> occupants = new LinkedHashMap<>();
    private final Map<EntityFullJid, String> nicks = new HashMap<>();
    private final Deque<HistoryEntry> history = new ArrayDeque<>();
    private RoomConfig config;
    private Subject subject;
    private boolean locked;
    private boolean destroyed;

    Room(EntityBareJid jid, RoomConfig config, Instant created, boolean locked) {
        this.jid = jid;
        this.config = config;
        this.created = created;
        this.locked = locked;
    }

    public EntityBareJid jid() {
        return jid;
    }

    public RoomConfig config() {
        return config;
    }

    public Instant created() {
        return created;
    }

    /** True from creation until the owner submits the first configuration (XEP-0045 §10.1). */
    public boolean isLocked() {
        return locked;
    }

    public boolean isDestroyed() {
        return destroyed;
    }

    public Subject subject() {
        return subject;
    }

    /** {@code user}'s affiliation: their own entry, else their server's (§9.1 bans whole servers), else none. */
    public Affiliation affiliationOf(BareJid user) {
        AffiliationEntry entry = affiliations.get(user);
        if (entry == null && user.hasLocalpart()) {
            entry = affiliations.get(user.asDomainBareJid());
        }
        return entry == null ? Affiliation.NONE : entry.affiliation();
    }

    public AffiliationEntry affiliationEntryOrNull(BareJid jid) {
        return affiliations.get(jid);
    }

    public Collection<AffiliationEntry> affiliations() {
        return Collections.unmodifiableCollection(affiliations.values());
    }

    /** The JIDs holding {@code affiliation}. */
    public List<AffiliationEntry> withAffiliation(Affiliation affiliation) {
        List<AffiliationEntry> result = new ArrayList<>();
        affiliations.values().stream().filter(e -> e.affiliation() == affiliation).forEach(result::add);
        return result;
    }

    /** The user other than {@code user} who registered {@code nick} (§7.10), or null. */
    public BareJid nickOwnerOtherThan(String nick, BareJid user) {
        for (AffiliationEntry entry : affiliations.values()) {
            if (nick.equals(entry.nick()) && !entry.jid().equals(user)) {
                return entry.jid();
            }
        }
        return null;
    }

    /** Occupants in order of arrival. */
    public Collection<Occupant> occupants() {
        return Collections.unmodifiableCollection(occupants.values());
    }

    public int occupantCount() {
        return occupants.size();
    }

    public Occupant occupant(String nick) {
        return occupants.get(nick);
    }

    /** The occupant {@code session} is in the room as, or null. */
    public Occupant occupantOf(EntityFullJid session) {
        String nick = nicks.get(session);
        return nick == null ? null : occupants.get(nick);
    }

    /** The occupants of {@code user}, whatever their session (one per nickname). */
    public List<Occupant> occupantsOf(BareJid user) {
        return occupants.values().stream().filter(o -> o.user().equals(user)).toList();
    }

    /** Kept messages, oldest first. */
    public Collection<HistoryEntry> history() {
        return Collections.unmodifiableCollection(history);
    }

    /** The XEP-0421 id of {@code user} here: a hash of a room secret and the bare JID, so stable and opaque. */
    public String occupantIdOf(BareJid user) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(config.get(ID_SECRET).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(user.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest()).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    // --- changes, by the engine only ---------------------------------------------------------

    void configure(RoomConfig newConfig) {
        this.config = newConfig;
    }

    void unlock() {
        locked = false;
    }

    void markDestroyed() {
        destroyed = true;
    }

    void subject(Subject newSubject) {
        this.subject = newSubject;
    }

    void putAffiliation(AffiliationEntry entry) {
        affiliations.put(entry.jid(), entry);
    }

    void removeAffiliation(BareJid jid) {
        affiliations.remove(jid);
    }

    /** Adds or replaces the occupant under its nickname, re-indexing its sessions. */
    void putOccupant(Occupant occupant) {
        Occupant previous = occupants.put(occupant.nick(), occupant);
        if (previous != null) {
            previous.jids().forEach(nicks::remove);
        }
        occupant.jids().forEach(j -> nicks.put(j, occupant.nick()));
    }

    void removeOccupant(Occupant occupant) {
        occupants.remove(occupant.nick());
        occupant.jids().forEach(nicks::remove);
    }

    /** Drops a session's index entry (the occupant was replaced without it). */
    void forgetSession(EntityFullJid session) {
        nicks.remove(session);
    }

    void addHistory(HistoryEntry entry, int limit) {
        history.addLast(entry);
        while (history.size() > Math.max(0, limit)) {
            history.removeFirst();
        }
    }
}
