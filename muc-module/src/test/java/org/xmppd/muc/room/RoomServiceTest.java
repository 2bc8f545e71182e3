package org.xmppd.muc.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.muc.options.StandardOptions;
import org.xmppd.storage.ArchiveIds;
import org.xmppd.storage.Storage;
import org.xmppd.storage.StorageConfig;

/** The engine without XML or sockets: rules, results as events, persistence on a real H2 store. */
class RoomServiceTest {
    private static final DomainBareJid SERVICE = JidCreate.domainBareFromOrThrowUnchecked("conference.example.org");
    private static final EntityBareJid ROOM = JidCreate.entityBareFromOrThrowUnchecked("room@conference.example.org");
    private static final EntityFullJid ALICE = full("alice@example.org/desk");
    private static final EntityFullJid BOB = full("bob@example.org/phone");
    private static final EntityFullJid CAROL = full("carol@example.org/tab");
    private static final Element PRESENCE = Element.of("presence", Namespaces.CLIENT);
    private static final ServiceLimits LIMITS = new ServiceLimits(true, 100, 2, 1000, 50);

    @TempDir
    static Path dataDir;

    private static Storage storage;
    private final List<RoomEvent> published = new ArrayList<>();
    private Instant now = Instant.parse("2025-01-01T12:00:00Z");
    private RoomService rooms;
    private final MemoryArchive archive = new MemoryArchive();

    /** An archive in memory: the group messages a test puts in, and the rooms deleted. */
    private final class MemoryArchive implements RoomArchive {
        private final ArchiveIds ids = new ArchiveIds();
        final List<HistoryEntry> kept = new ArrayList<>();
        final List<EntityBareJid> deleted = new ArrayList<>();

        @Override
        public String nextId(Instant at) {
            return ArchiveIds.format(ids.next(at));
        }

        @Override
        public List<HistoryEntry> recent(EntityBareJid room, int max) {
            return List.copyOf(kept.subList(Math.max(0, kept.size() - max), kept.size()));
        }

        @Override
        public void delete(EntityBareJid room) {
            deleted.add(room);
        }
    }

    @BeforeAll
    static void open() {
        storage = Storage.open(StorageConfig.defaults(), dataDir);
    }

    @AfterAll
    static void close() {
        storage.close();
    }

    @BeforeEach
    void newRooms() {
        rooms = newService();
    }

    private RoomService newService() {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        RoomConfig defaults = RoomConfig.empty().with(RoomOptions.HISTORY_LENGTH, 5);
        return new RoomService(SERVICE, storage.rooms(), archive, StandardOptions.all(LIMITS),
                LIMITS, defaults, clock,
                (room, events) -> published.addAll(events));
    }

    @Test
    void theFirstEntryCreatesALockedRoomOwnedByTheCreator() throws Exception {
        RoomEvent.Entered entered = enter(ALICE, "Alice");
        assertTrue(entered.selfCodes().contains(Status.CREATED));
        assertEquals(Role.MODERATOR, entered.occupant().role());
        assertEquals(Affiliation.OWNER, rooms.read(ROOM, r -> r.affiliationOf(ALICE.asBareJid())));
        assertError(StanzaErrorCondition.ITEM_NOT_FOUND, () -> enter(BOB, "Bob"));
        rooms.configure(ROOM, ALICE, SubmittedForm.empty());
        assertFalse(enter(BOB, "Bob").selfCodes().contains(Status.CREATED));
    }

    @Test
    void nicknamesAreUniquePerUser() throws Exception {
        instant();
        enter(BOB, "Bob");
        assertError(StanzaErrorCondition.CONFLICT, () -> enter(CAROL, "Bob"));
        RoomEvent.Entered second = enter(full("bob@example.org/laptop"), "Bob");
        assertFalse(second.newOccupant(), "the same user joins the same occupant");
        List<RoomEvent> renamed = rooms.presence(ROOM, "Robert", BOB, PRESENCE, new JoinRequest(false, null, null,
                Set.of()));
        RoomEvent.NickChanged change = assertInstanceOf(RoomEvent.NickChanged.class, renamed.get(0));
        assertEquals("Bob", change.before().nick());
        assertEquals("Robert", change.after().nick());
    }

    @Test
    void leavingRemovesTheOccupantAndATemporaryRoomWithTheLastOne() throws Exception {
        instant();
        enter(BOB, "Bob");
        RoomEvent.Left left = assertInstanceOf(RoomEvent.Left.class, rooms.exit(ROOM, BOB, PRESENCE).get(0));
        assertEquals("Bob", left.occupant().nick());
        rooms.exit(ROOM, ALICE, PRESENCE);
        assertFalse(rooms.exists(ROOM));
    }

    @Test
    void aRoomLeftEmptyCanBeCreatedAgainAtOnce() throws Exception {
        enter(ALICE, "Alice");
        rooms.exit(ROOM, ALICE, PRESENCE);
        assertFalse(rooms.exists(ROOM));
        assertTrue(enter(ALICE, "Alice").selfCodes().contains(Status.CREATED));
        rooms.configure(ROOM, ALICE, SubmittedForm.empty());
        rooms.exit(ROOM, ALICE, PRESENCE);
        assertTrue(enter(ALICE, "Alice").selfCodes().contains(Status.CREATED));
    }

    @Test
    void historyKeepsTheRoomsLengthAndHonoursRequests() throws Exception {
        instant();
        for (int i = 0; i < 8; i++) {
            now = now.plusSeconds(60);
            rooms.groupMessage(ROOM, ALICE, message("m" + i), 10, true, null, true);
        }
        assertEquals(List.of("m3", "m4", "m5", "m6", "m7"), bodies(enter(BOB, "Bob").history()));
        assertEquals(List.of("m6", "m7"), bodies(enterWith(CAROL, "Carol", new HistoryRequest(25, null, null, null))));
        assertEquals(List.of("m7"), bodies(enterWith(full("dave@example.org/x"), "Dave",
                new HistoryRequest(null, null, 30, null))));
        assertEquals(List.of(), bodies(enterWith(full("erin@example.org/x"), "Erin",
                new HistoryRequest(null, 0, null, null))));
    }

    @Test
    void visitorsHaveNoVoiceAndModeratorsGiveIt() throws Exception {
        rooms.presence(ROOM, "Alice", ALICE, PRESENCE, JoinRequest.plain());
        rooms.configure(ROOM, ALICE, form(RoomOptions.MODERATED.var(), "1"));
        assertEquals(Role.VISITOR, enter(BOB, "Bob").occupant().role());
        assertError(StanzaErrorCondition.FORBIDDEN, () -> rooms.groupMessage(ROOM, BOB, message("hi"), 2, true, null,
                true));
        assertEquals(List.of(new RoomEvent.VoiceRequested(rooms.read(ROOM, r -> r.occupant("Bob")))),
                rooms.requestVoice(ROOM, BOB));
        rooms.setRoles(ROOM, ALICE, List.of(new RoomService.RoleChange("Bob", Role.PARTICIPANT, "ok")));
        assertEquals(1, rooms.groupMessage(ROOM, BOB, message("hi"), 2, true, null, true).size());
    }

    @Test
    void kickAndBanRulesFollowRank() throws Exception {
        instant();
        enter(BOB, "Bob");
        enter(CAROL, "Carol");
        assertError(StanzaErrorCondition.FORBIDDEN,
                () -> rooms.setRoles(ROOM, BOB, List.of(new RoomService.RoleChange("Carol", Role.NONE, null))));
        assertError(StanzaErrorCondition.FORBIDDEN, () -> rooms.setAffiliations(ROOM, BOB,
                List.of(new RoomService.AffiliationChange(CAROL.asBareJid(), Affiliation.OUTCAST, null))));
        rooms.setAffiliations(ROOM, ALICE,
                List.of(new RoomService.AffiliationChange(BOB.asBareJid(), Affiliation.ADMIN, null)));
        assertError(StanzaErrorCondition.NOT_ALLOWED,
                () -> rooms.setRoles(ROOM, BOB, List.of(new RoomService.RoleChange("Alice", Role.NONE, null))));
        assertError(StanzaErrorCondition.FORBIDDEN, () -> rooms.setAffiliations(ROOM, BOB,
                List.of(new RoomService.AffiliationChange(CAROL.asBareJid(), Affiliation.OWNER, null))));
        List<RoomEvent> ban = rooms.setAffiliations(ROOM, BOB,
                List.of(new RoomService.AffiliationChange(CAROL.asBareJid().asDomainBareJid(), Affiliation.OUTCAST,
                        "whole server")));
        RoomEvent.Left left = assertInstanceOf(RoomEvent.Left.class, ban.get(0));
        assertEquals(Set.of(Status.BANNED), left.codes());
        assertEquals("whole server", left.reason());
        assertError(StanzaErrorCondition.FORBIDDEN, () -> enter(CAROL, "Carol"));
        assertError(StanzaErrorCondition.CONFLICT, () -> rooms.setAffiliations(ROOM, ALICE,
                List.of(new RoomService.AffiliationChange(ALICE.asBareJid(), Affiliation.ADMIN, null))));
    }

    @Test
    void membersOnlyPasswordAndSizeGuardTheDoor() throws Exception {
        rooms.presence(ROOM, "Alice", ALICE, PRESENCE, JoinRequest.plain());
        rooms.configure(ROOM, ALICE, new SubmittedForm(Map.of(RoomOptions.MEMBERS_ONLY.var(), List.of("1"),
                RoomOptions.PASSWORD.var(), List.of("pw"), RoomOptions.MAX_USERS.var(), List.of("2"))));
        assertError(StanzaErrorCondition.REGISTRATION_REQUIRED, () -> enterWithPassword(BOB, "Bob", "pw"));
        rooms.register(ROOM, BOB.asBareJid(), "Bobby");
        rooms.register(ROOM, CAROL.asBareJid(), "Carol");
        assertError(StanzaErrorCondition.CONFLICT, () -> rooms.register(ROOM, full("dave@example.org/x").asBareJid(),
                "Bobby"));
        assertError(StanzaErrorCondition.NOT_AUTHORIZED, () -> enterWithPassword(BOB, "Bob", "wrong"));
        assertError(StanzaErrorCondition.CONFLICT, () -> enterWithPassword(CAROL, "Bobby", "pw"));
        enterWithPassword(BOB, "Bobby", "pw");
        assertError(StanzaErrorCondition.SERVICE_UNAVAILABLE, () -> enterWithPassword(CAROL, "Carol", "pw"));
    }

    @Test
    void usersOwnALimitedNumberOfRooms() throws Exception {
        for (String name : List.of("one", "two")) {
            EntityBareJid room = JidCreate.entityBareFrom(name + "@" + SERVICE);
            rooms.presence(room, "Alice", ALICE, PRESENCE, JoinRequest.plain());
        }
        StanzaErrorException refused = assertThrows(StanzaErrorException.class, () -> rooms.presence(
                JidCreate.entityBareFrom("three@" + SERVICE), "Alice", ALICE, PRESENCE, JoinRequest.plain()));
        assertEquals(StanzaErrorCondition.RESOURCE_CONSTRAINT, refused.condition());
    }

    @Test
    void groupMessagesGetArchiveIdsAndComeBackAsHistoryAfterARestartWhileArchiving() throws Exception {
        rooms.presence(ROOM, "Alice", ALICE, PRESENCE, JoinRequest.plain());
        rooms.configure(ROOM, ALICE, form(RoomOptions.PERSISTENT.var(), "1"));
        for (int i = 0; i < 7; i++) {
            RoomEvent.GroupMessage sent = (RoomEvent.GroupMessage) rooms.groupMessage(ROOM, ALICE,
                    message("m" + i), 10, true, null, true).get(0);
            archive.kept.add(sent.entry());
        }
        List<Long> ids = archive.kept.stream().map(e -> ArchiveIds.parse(e.stanzaId())).toList();
        assertTrue(ids.get(0) > 0 && ids.stream().sorted().distinct().toList().equals(ids),
                "stanza ids are increasing archive ids: " + ids);
        rooms.exit(ROOM, ALICE, PRESENCE);

        RoomService restarted = newService();
        restarted.load();
        assertEquals(List.of("m2", "m3", "m4", "m5", "m6"), restarted.read(ROOM, r -> bodies(List.copyOf(r.history()))),
                "the newest history_length (5) messages");
        restarted.presence(ROOM, "Alice", ALICE, PRESENCE, JoinRequest.plain());
        restarted.configure(ROOM, ALICE, form(RoomOptions.ARCHIVING.var(), "0"));
        restarted.exit(ROOM, ALICE, PRESENCE);

        RoomService unarchived = newService();
        unarchived.load();
        assertEquals(List.of(), unarchived.read(ROOM, r -> List.copyOf(r.history())), "archiving off: no history");
        assertEquals(List.of(), archive.deleted);
        unarchived.presence(ROOM, "Alice", ALICE, PRESENCE, JoinRequest.plain());
        unarchived.destroy(ROOM, ALICE, "done", null, null);
        assertEquals(List.of(ROOM), archive.deleted, "the archive goes with the room");
    }

    @Test
    void aPersistentRoomSurvivesARestartWithItsSettingsSubjectAndAffiliations() throws Exception {
        rooms.presence(ROOM, "Alice", ALICE, PRESENCE, JoinRequest.plain());
        rooms.configure(ROOM, ALICE, new SubmittedForm(Map.of(RoomOptions.PERSISTENT.var(), List.of("1"),
                RoomOptions.NAME.var(), List.of("Kept"), RoomOptions.MEMBERS_ONLY.var(), List.of("1"))));
        rooms.register(ROOM, BOB.asBareJid(), "Bobby");
        rooms.groupMessage(ROOM, ALICE, message(null), 10, false, "Still here", true);
        rooms.exit(ROOM, ALICE, PRESENCE);
        assertTrue(rooms.exists(ROOM), "persistent rooms stay empty");

        RoomService restarted = newService();
        restarted.load();
        assertTrue(restarted.exists(ROOM));
        assertEquals("Kept", restarted.read(ROOM, r -> r.config().get(RoomOptions.NAME)));
        assertEquals("Still here", restarted.read(ROOM, r -> r.subject().text()));
        assertEquals(Affiliation.MEMBER, restarted.read(ROOM, r -> r.affiliationOf(BOB.asBareJid())));
        assertEquals("Bobby", restarted.registeredNick(ROOM, BOB.asBareJid()).orElseThrow());
        assertEquals(List.of(new RoomService.Listing(ROOM, "Kept")), restarted.publicRooms());

        restarted.presence(ROOM, "Alice", ALICE, PRESENCE, JoinRequest.plain());
        restarted.destroy(ROOM, ALICE, "done", null, null);
        assertTrue(storage.rooms().room(ROOM).isEmpty(), "destroyed rooms leave the store");
    }

    @Test
    void destroyingRemovesEveryoneAndSaysWhereToGo() throws Exception {
        instant();
        enter(BOB, "Bob");
        EntityBareJid venue = JidCreate.entityBareFrom("new@" + SERVICE);
        assertError(StanzaErrorCondition.FORBIDDEN, () -> rooms.destroy(ROOM, BOB, null, null, null));
        RoomEvent.Destroyed destroyed = assertInstanceOf(RoomEvent.Destroyed.class,
                rooms.destroy(ROOM, ALICE, "bye", venue, null).get(0));
        assertEquals(2, destroyed.occupants().size());
        assertEquals(venue, destroyed.alternate());
        assertFalse(rooms.exists(ROOM));
    }

    @Test
    void aDeadSessionIsRemovedWithStatus333() throws Exception {
        instant();
        enter(BOB, "Bob");
        published.clear();
        rooms.removeSession(BOB);
        RoomEvent.Left left = assertInstanceOf(RoomEvent.Left.class, published.get(0));
        assertEquals(Set.of(Status.TECHNICAL), left.codes());
        assertEquals(1, rooms.read(ROOM, Room::occupantCount));
    }

    @Test
    void privateMessagesFollowAllowPm() throws Exception {
        instant();
        enter(BOB, "Bob");
        assertInstanceOf(RoomEvent.PrivateMessage.class, rooms.privateMessage(ROOM, BOB, "Alice", message("x")).get(0));
        rooms.configure(ROOM, ALICE, form(RoomOptions.ALLOW_PM.var(), "none"));
        assertError(StanzaErrorCondition.FORBIDDEN, () -> rooms.privateMessage(ROOM, BOB, "Alice", message("x")));
        assertError(StanzaErrorCondition.NOT_ACCEPTABLE, () -> rooms.privateMessage(ROOM, CAROL, "Alice",
                message("x")));
    }

    private void instant() throws Exception {
        enter(ALICE, "Alice");
        rooms.configure(ROOM, ALICE, SubmittedForm.empty());
    }

    private RoomEvent.Entered enter(EntityFullJid who, String nick) throws Exception {
        return enterWith(who, nick, HistoryRequest.unlimited(), null);
    }

    private List<HistoryEntry> enterWith(EntityFullJid who, String nick, HistoryRequest history) throws Exception {
        return enterWith(who, nick, history, null).history();
    }

    private RoomEvent.Entered enterWithPassword(EntityFullJid who, String nick, String password) throws Exception {
        return enterWith(who, nick, HistoryRequest.unlimited(), password);
    }

    private RoomEvent.Entered enterWith(EntityFullJid who, String nick, HistoryRequest history, String password)
            throws Exception {
        List<RoomEvent> events = rooms.presence(ROOM, nick, who, PRESENCE,
                new JoinRequest(true, password, history, Set.of()));
        return assertInstanceOf(RoomEvent.Entered.class, events.get(0));
    }

    private static SubmittedForm form(String var, String value) {
        return new SubmittedForm(Map.of(var, List.of(value)));
    }

    private static Element message(String body) {
        Element.Builder message = Element.builder("message", Namespaces.CLIENT).attribute("type", "groupchat");
        return body == null ? message.build() : message.textChild("body", Namespaces.CLIENT, body).build();
    }

    private static List<String> bodies(List<HistoryEntry> history) {
        return history.stream().map(e -> e.payload().childText("body", Namespaces.CLIENT).orElse("")).toList();
    }

    private static EntityFullJid full(String jid) {
        return JidCreate.entityFullFromOrThrowUnchecked(jid);
    }

    private static void assertError(StanzaErrorCondition condition, org.junit.jupiter.api.function.Executable action) {
        StanzaErrorException error = assertThrows(StanzaErrorException.class, action);
        assertEquals(condition, error.condition(), error.getMessage());
    }
}
