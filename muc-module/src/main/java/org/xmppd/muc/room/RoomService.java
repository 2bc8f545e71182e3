package org.xmppd.muc.room;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.xmppd.codec.Element;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.storage.RoomStore;

/**
 * The rooms of one MUC service (XEP-0045), without XML. Every operation runs with its room's
 * monitor held and publishes its events before releasing it, so occupants see one order of
 * events per room; different rooms never wait on each other. Results are the published
 * events; refusals are {@link StanzaErrorException}s with the XEP's condition.
 */
public final class RoomService {
    /** One operation on a locked room. */
    @FunctionalInterface
    private interface RoomOp {
        List<RoomEvent> apply(Room room) throws StanzaErrorException;
    }

    /** A listed room (§6.3). */
    public record Listing(EntityBareJid jid, String name) {
    }

    private final DomainBareJid domain;
    private final Engine engine;
    private final RoomConfig defaults;
    private final RoomEvents publisher;
    private final ConcurrentMap<EntityBareJid, Room> rooms = new ConcurrentHashMap<>();
    private final SessionIndex joined = new SessionIndex();
    private final Entry entry;
    private final Moderation moderation;
    private final Conversation conversation;
    private final Configuration configuration;

    /**
     * @param archive  where group messages get their ids and, after a restart, the history back
     * @param defaults the configuration new rooms start with (the service's defaults)
     */
    public RoomService(DomainBareJid domain, RoomStore store, RoomArchive archive, List<RoomFeature> features,
            ServiceLimits limits, RoomConfig defaults, Clock clock, RoomEvents publisher) {
        this.domain = domain;
        this.engine = new Engine(features, new RoomRepository(store, archive), archive, limits, clock);
        this.defaults = defaults;
        this.publisher = publisher;
        this.entry = new Entry(engine);
        this.moderation = new Moderation(engine);
        this.conversation = new Conversation(engine);
        this.configuration = new Configuration(engine);
    }

    /** Loads the persistent rooms from storage (at start). */
    public void load() {
        engine.repository().load(domain).forEach(room -> rooms.put(room.jid(), room));
    }

    public DomainBareJid domain() {
        return domain;
    }

    public List<RoomFeature> features() {
        return engine.features();
    }

    public ServiceLimits limits() {
        return engine.limits();
    }

    /** Reads a room under its lock; item-not-found when there is no such room. */
    public <T> T read(EntityBareJid jid, Function<Room, T> reader) throws StanzaErrorException {
        Room room = existing(jid);
        synchronized (room) {
            return reader.apply(room);
        }
    }

    /** Whether the room exists (a locked new room counts). */
    public boolean exists(EntityBareJid jid) {
        return rooms.containsKey(jid);
    }

    /** §6.3: the public, unlocked rooms, by JID. */
    public List<Listing> publicRooms() {
        List<Listing> listed = new ArrayList<>();
        for (Room room : rooms.values()) {
            synchronized (room) {
                if (!room.isLocked() && !room.isDestroyed() && room.config().get(RoomOptions.PUBLIC)) {
                    listed.add(new Listing(room.jid(), room.config().get(RoomOptions.NAME)));
                }
            }
        }
        listed.sort(Comparator.comparing(l -> l.jid().toString()));
        return listed;
    }

    /**
     * A presence to {@code room/nick} from {@code session} (§7.2, §7.6, §7.7): enters (creating the
     * room if it does not exist, §10.1), changes nickname or updates presence.
     */
    public List<RoomEvent> presence(EntityBareJid jid, String nick, EntityFullJid session, Element presence,
            JoinRequest request) throws StanzaErrorException {
        while (true) {
            Room room = rooms.get(jid);
            boolean created = false;
            if (room == null) {
                Room fresh = create(jid, session.asEntityBareJid());
                room = rooms.putIfAbsent(jid, fresh);
                created = room == null;
                room = created ? fresh : room;
            }
            synchronized (room) {
                if (!room.isDestroyed()) {
                    Room locked = room;
                    boolean isNew = created;
                    return run(room, r -> presenceIn(locked, nick, session, presence, request, isNew));
                }
            }
        }
    }

    private List<RoomEvent> presenceIn(Room room, String nick, EntityFullJid session, Element presence,
            JoinRequest request, boolean created) throws StanzaErrorException {
        Occupant current = room.occupantOf(session);
        if (current == null || current.nick().equals(nick) && request.join()) {
            Set<Integer> codes = new LinkedHashSet<>(request.extraCodes());
            if (created) {
                codes.add(Status.CREATED);
            }
            return entry.enter(room, nick, session, presence, request.password(), request.history(), codes);
        }
        if (!current.nick().equals(nick)) {
            return entry.changeNick(room, current, nick, session, presence);
        }
        return entry.updatePresence(room, current, session, presence);
    }

    private Room create(EntityBareJid jid, EntityBareJid creator) throws StanzaErrorException {
        ServiceLimits limits = engine.limits();
        if (!limits.roomCreation()) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ALLOWED, "Rooms cannot be created here");
        }
        if (rooms.size() >= limits.maxRooms()) {
            throw new StanzaErrorException(StanzaErrorCondition.RESOURCE_CONSTRAINT, "The service has too many rooms");
        }
        if (ownedBy(creator) >= limits.maxRoomsPerUser()) {
            throw new StanzaErrorException(StanzaErrorCondition.RESOURCE_CONSTRAINT, "You own too many rooms");
        }
        Room room = new Room(jid, defaults.with(Room.ID_SECRET, UUID.randomUUID().toString()),
                engine.clock().instant(), true);
        room.putAffiliation(new AffiliationEntry(creator, Affiliation.OWNER, null, null));
        return room;
    }

    private long ownedBy(BareJid user) {
        long owned = 0;
        for (Room room : rooms.values()) {
            synchronized (room) {
                AffiliationEntry e = room.affiliationEntryOrNull(user);
                owned += e != null && e.affiliation() == Affiliation.OWNER ? 1 : 0;
            }
        }
        return owned;
    }

    /** §7.14: {@code session} leaves the room. */
    public List<RoomEvent> exit(EntityBareJid jid, EntityFullJid session, Element presence) {
        Room room = rooms.get(jid);
        if (room == null) {
            return List.of();
        }
        try {
            return locked(room, r -> entry.exit(r, session, presence));
        } catch (StanzaErrorException e) {
            throw new IllegalStateException("leaving never fails", e);
        }
    }

    /** The session went offline or stopped answering: it leaves every room it was in. */
    public void exitEverywhere(EntityFullJid session, Element presence) {
        joined.roomsOf(session).forEach(jid -> exit(jid, session, presence));
    }

    /** Removes a dead session (deliveries to it failed) from every room with status 333. */
    public void removeSession(EntityFullJid session) {
        for (EntityBareJid jid : joined.roomsOf(session)) {
            Room room = rooms.get(jid);
            if (room == null) {
                continue;
            }
            try {
                locked(room, r -> {
                    Occupant occupant = r.occupantOf(session);
                    if (occupant == null) {
                        return List.of();
                    }
                    r.removeOccupant(occupant);
                    return List.of(new RoomEvent.Left(occupant, Set.of(Status.TECHNICAL), null, null, null));
                });
            } catch (StanzaErrorException e) {
                throw new IllegalStateException("removal never fails", e);
            }
        }
    }

    /** The nickname {@code session} has in the room, if it is in. */
    public Optional<String> nickOf(EntityBareJid jid, EntityFullJid session) {
        Room room = rooms.get(jid);
        if (room == null) {
            return Optional.empty();
        }
        synchronized (room) {
            Occupant occupant = room.occupantOf(session);
            return occupant == null ? Optional.empty() : Optional.of(occupant.nick());
        }
    }

    public List<RoomEvent> groupMessage(EntityBareJid jid, EntityFullJid session, Element payload, int size,
            boolean hasBody, String subject, boolean keep) throws StanzaErrorException {
        Conversation.Content content = new Conversation.Content(payload, size, hasBody, subject, keep);
        return withRoom(jid, r -> conversation.groupMessage(r, session, content));
    }

    public List<RoomEvent> privateMessage(EntityBareJid jid, EntityFullJid session, String toNick, Element payload)
            throws StanzaErrorException {
        return withRoom(jid, r -> conversation.privateMessage(r, session, toNick, payload));
    }

    public List<RoomEvent> invite(EntityBareJid jid, EntityFullJid session, BareJid invitee, String reason,
            Element payload) throws StanzaErrorException {
        return withRoom(jid, r -> conversation.invite(r, session, invitee, reason, payload));
    }

    public List<RoomEvent> decline(EntityBareJid jid, EntityFullJid session, Jid inviter, String reason)
            throws StanzaErrorException {
        return withRoom(jid, r -> conversation.decline(r, session, inviter, reason));
    }

    public List<RoomEvent> requestVoice(EntityBareJid jid, EntityFullJid session) throws StanzaErrorException {
        return withRoom(jid, r -> conversation.requestVoice(r, session));
    }

    public Optional<String> registeredNick(EntityBareJid jid, BareJid user) throws StanzaErrorException {
        return read(jid, r -> conversation.registeredNick(r, user));
    }

    public List<RoomEvent> register(EntityBareJid jid, BareJid user, String nick) throws StanzaErrorException {
        return withRoom(jid, r -> conversation.register(r, user, nick));
    }

    /** §8.2-§8.5, §9.6, §9.7: role changes by a moderator. */
    public List<RoomEvent> setRoles(EntityBareJid jid, EntityFullJid actor, List<RoleChange> changes)
            throws StanzaErrorException {
        List<Moderation.RoleChange> internal = changes.stream()
                .map(c -> new Moderation.RoleChange(c.nick(), c.role(), c.reason())).toList();
        return withRoom(jid, r -> moderation.setRoles(r, actor, internal));
    }

    /** §9.1-§9.4, §10.3-§10.8: affiliation changes by an admin or owner. */
    public List<RoomEvent> setAffiliations(EntityBareJid jid, EntityFullJid actor, List<AffiliationChange> changes)
            throws StanzaErrorException {
        List<Moderation.AffiliationChange> internal = changes.stream()
                .map(c -> new Moderation.AffiliationChange(c.jid(), c.affiliation(), c.reason(), null)).toList();
        return withRoom(jid, r -> moderation.setAffiliations(r, actor, internal));
    }

    public List<Occupant> withRole(EntityBareJid jid, EntityFullJid asker, Role role) throws StanzaErrorException {
        Room room = existing(jid);
        synchronized (room) {
            return moderation.withRole(room, asker, role);
        }
    }

    public List<AffiliationEntry> withAffiliation(EntityBareJid jid, EntityFullJid asker, Affiliation affiliation)
            throws StanzaErrorException {
        Room room = existing(jid);
        synchronized (room) {
            return List.copyOf(moderation.withAffiliation(room, asker, affiliation));
        }
    }

    public List<FormField> configForm(EntityBareJid jid, EntityFullJid asker) throws StanzaErrorException {
        Room room = existing(jid);
        synchronized (room) {
            return configuration.form(room, asker);
        }
    }

    public List<RoomEvent> configure(EntityBareJid jid, EntityFullJid owner, SubmittedForm form)
            throws StanzaErrorException {
        return withRoom(jid, r -> configuration.submit(r, owner, form));
    }

    /** §10.1.3: the owner cancels the configuration of a new room, which is then destroyed. */
    public List<RoomEvent> cancelConfiguration(EntityBareJid jid, EntityFullJid owner) throws StanzaErrorException {
        return withRoom(jid, r -> {
            Configuration.requireOwner(r, owner);
            return r.isLocked() ? configuration.destroyed(r, null, null, null) : List.of();
        });
    }

    public List<RoomEvent> destroy(EntityBareJid jid, EntityFullJid owner, String reason, EntityBareJid alternate,
            String password) throws StanzaErrorException {
        return withRoom(jid, r -> configuration.destroy(r, owner, reason, alternate, password));
    }

    /** §6.4: what the room's disco#info says. */
    public RoomInfo info(EntityBareJid jid) throws StanzaErrorException {
        return read(jid, room -> {
            RoomInfo info = new RoomInfo(room.config().get(RoomOptions.NAME), new TreeSet<>(), List.of());
            for (RoomFeature feature : engine.features()) {
                info = feature.onDiscoInfo(room, info);
            }
            return info;
        });
    }

    /** Tells every occupant the service is going away (332) and empties the rooms. */
    public void shutdown() {
        for (Room room : rooms.values()) {
            try {
                locked(room, r -> Entry.removeAll(r, Set.of(Status.SHUTDOWN)));
            } catch (StanzaErrorException e) {
                throw new IllegalStateException("shutdown never fails", e);
            }
        }
    }

    private Room existing(EntityBareJid jid) throws StanzaErrorException {
        Room room = rooms.get(jid);
        if (room == null) {
            throw new StanzaErrorException(StanzaErrorCondition.ITEM_NOT_FOUND, "No such room");
        }
        return room;
    }

    private List<RoomEvent> withRoom(EntityBareJid jid, RoomOp op) throws StanzaErrorException {
        return locked(existing(jid), op);
    }

    private List<RoomEvent> locked(Room room, RoomOp op) throws StanzaErrorException {
        synchronized (room) {
            if (room.isDestroyed()) {
                throw new StanzaErrorException(StanzaErrorCondition.ITEM_NOT_FOUND, "No such room");
            }
            return run(room, op);
        }
    }

    /** Runs {@code op} (room locked), indexes sessions, publishes, and drops a room nobody keeps. */
    private List<RoomEvent> run(Room room, RoomOp op) throws StanzaErrorException {
        List<RoomEvent> events;
        try {
            events = op.apply(room);
        } finally {
            dropIfUnused(room);
        }
        joined.update(room.jid(), events);
        publisher.publish(room, events);
        return events;
    }

    /**
     * A temporary room goes with its last occupant; a new room whose owner left before configuring
     * it too. A room gone for good takes its archive along (as Prosody does).
     */
    private void dropIfUnused(Room room) {
        if (room.occupantCount() == 0 && (room.isLocked() || !room.config().get(RoomOptions.PERSISTENT))) {
            room.markDestroyed();
        }
        if (room.isDestroyed() && rooms.remove(room.jid(), room)) {
            engine.archive().delete(room.jid());
        }
    }

    /** A role change asked for (§8, §9). */
    public record RoleChange(String nick, Role role, String reason) {
    }

    /** An affiliation change asked for (§9, §10). */
    public record AffiliationChange(BareJid jid, Affiliation affiliation, String reason) {
    }
}
