package org.xmppd.muc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.mam.MamManager.MamQuery;
import org.jivesoftware.smackx.mam.MamManager.MamQueryArgs;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.sid.element.StanzaIdElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.muc.room.RoomOption;
import org.xmppd.server.TestServer;
import org.xmppd.server.modules.RawIq;
import org.xmppd.storage.ArchiveIds;
import org.xmppd.storage.ArchiveQuery;
import org.xmppd.storage.ArchivedMessage;

/** XEP-0313 archives of rooms through the wire: ids, queries, access, the option, destruction, restarts. */
class RoomArchiveTest extends MucTestBase {
    private static final String MAM = "urn:xmpp:mam:2";
    private static final String ARCHIVING = "muc#roomconfig_enablearchiving";

    @RegisterExtension
    static final TestServer SERVER = serverWithMuc(UnaryOperator.identity());

    @Override
    protected TestServer server() {
        return SERVER;
    }

    @Test
    void groupMessagesAreArchivedUnderTheStanzaIdsOccupantsSaw() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        EntityBareJid room = newRoom("archived");
        MultiUserChat atAlice = instantRoom(alice, room, "Alice");
        MultiUserChat atBob = muc(bob, room);
        atBob.join(nick("Bob"));
        atAlice.changeSubject("Plans");
        atAlice.sendMessage(atAlice.buildMessage().addExtension(StandardExtensionElement
                .builder("composing", "http://jabber.org/protocol/chatstates").build()));
        sendPrivate(alice, room, "Bob", "just for you");
        List<String> seen = new ArrayList<>();
        for (String body : List.of("one", "two", "three")) {
            atAlice.sendMessage(body);
            Message got = nextBody(atBob);
            StanzaIdElement id = StanzaIdElement.getStanzaId(got);
            assertEquals(room.toString(), id.getBy());
            assertTrue(ArchiveIds.parse(id.getId()) > 0, "the stanza id is an archive id: " + id.getId());
            seen.add(id.getId());
        }

        MamQuery archive = mam(bob, room).queryArchive(MamQueryArgs.builder().build());
        assertEquals(List.of("one", "two", "three"), bodies(archive), "no subject, chat state or private message");
        assertEquals(seen, archive.getMamResultExtensions().stream().map(r -> r.getId()).toList());
        assertEquals(room + "/Alice", archive.getMessages().get(0).getFrom().toString());
        assertTrue(archive.isComplete());
        for (ArchivedMessage stored : SERVER.storage().archive().query(room, ArchiveQuery.firstPage(10))
                .messages()) {
            assertFalse(stored.stanzaXml().contains(alice.getUser().asBareJid().toString()),
                    "a semi-anonymous room's archive keeps no real JID: " + stored.stanzaXml());
            assertTrue(stored.stanzaXml().contains("occupant-id"), stored.stanzaXml());
        }
    }

    @Test
    void queriesPageAndFilterByNickname() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        EntityBareJid room = newRoom("paged");
        MultiUserChat atAlice = instantRoom(alice, room, "Alice");
        MultiUserChat atBob = muc(bob, room);
        atBob.join(nick("Bob"));
        for (int i = 0; i < 25; i++) {
            (i % 5 == 0 ? atBob : atAlice).sendMessage("m" + i);
            nextBody(atAlice);
        }
        MamManager manager = mam(alice, room);
        MamQuery last = manager.queryArchive(MamQueryArgs.builder().queryLastPage().setResultPageSizeTo(10).build());
        assertEquals(range(15, 25), bodies(last));
        assertFalse(last.isComplete());
        assertEquals(range(5, 15), last.pagePrevious(10).stream().map(Message::getBody).toList());
        assertEquals(range(0, 5), last.pagePrevious(10).stream().map(Message::getBody).toList());
        assertTrue(last.isComplete());

        MamQuery bobs = manager.queryArchive(MamQueryArgs.builder()
                .limitResultsToJid(JidCreate.entityFullFrom(room, nick("Bob"))).build());
        assertEquals(List.of("m0", "m5", "m10", "m15", "m20"), bodies(bobs));
        IQ metadata = RawIq.resultOf(alice, new RawIq(IQ.Type.get, room, "metadata", MAM, ""));
        assertTrue(metadata.toXML().toString().contains("start id="), metadata.toXML().toString());
    }

    @Test
    void badQueriesGetClearErrorsAndTheRoomCarriesOn() throws Exception {
        XMPPTCPConnection alice = user("alice");
        EntityBareJid room = newRoom("picky");
        MultiUserChat atAlice = instantRoom(alice, room, "Alice");
        assertTrue(ServiceDiscoveryManager.getInstanceFor(alice).supportsFeatures(room, List.of(MAM,
                MAM + "#extended")));
        IQ form = RawIq.resultOf(alice, new RawIq(IQ.Type.get, room, "query", MAM, ""));
        assertTrue(form.toXML().toString().contains("after-id"), "the search form: " + form.toXML());
        assertEquals(StanzaError.Condition.bad_request, RawIq.errorOf(alice, new RawIq(IQ.Type.set, room, "query",
                MAM, "<x xmlns='jabber:x:data' type='submit'><field var='colour'><value>red</value></field></x>"))
                .getCondition());
        assertEquals(StanzaError.Condition.item_not_found, RawIq.errorOf(alice, new RawIq(IQ.Type.set, room,
                "query", MAM, "<set xmlns='http://jabber.org/protocol/rsm'><after>0123456789abcdef</after></set>"))
                .getCondition());
        assertEquals(StanzaError.Condition.item_not_found, RawIq.errorOf(alice, new RawIq(IQ.Type.set,
                newRoom("nowhere"), "query", MAM, "")).getCondition());
        EntityBareJid locked = newRoom("locked");
        muc(user("bob"), locked).create(nick("Bob"));
        assertEquals(StanzaError.Condition.item_not_found, RawIq.errorOf(alice, new RawIq(IQ.Type.set, locked,
                "query", MAM, "")).getCondition(), "a room being created is hidden");
        atAlice.sendMessage("still here");
        assertEquals("still here", nextBody(atAlice).getBody());
        assertEquals(List.of("still here"), bodies(mam(alice, room).queryArchive(MamQueryArgs.builder().build())));
    }

    @Test
    void membersOnlyAndPasswordRoomsShowTheirArchiveOnlyToThoseWhoMayEnterAndOutcastsNever() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        XMPPTCPConnection carol = user("carol");
        EntityBareJid room = newRoom("private");
        MultiUserChat atAlice = reservedRoom(alice, room, "Alice",
                form -> form.setAnswer("muc#roomconfig_membersonly", true));
        atAlice.sendMessage("members only");
        nextBody(atAlice);
        assertError(StanzaError.Condition.forbidden, () -> mam(carol, room).queryArchive(MamQueryArgs.builder()
                .build()));
        atAlice.grantMembership(bob.getUser().asBareJid());
        assertEquals(List.of("members only"), bodies(mam(bob, room).queryArchive(MamQueryArgs.builder().build())),
                "members read without entering");

        EntityBareJid open = newRoom("open");
        MultiUserChat openRoom = instantRoom(alice, open, "Alice");
        assertEquals(0, mam(carol, open).queryArchive(MamQueryArgs.builder().build()).getMessageCount());
        openRoom.banUser(carol.getUser().asBareJid(), "no");
        assertError(StanzaError.Condition.forbidden, () -> mam(carol, open).queryArchive(MamQueryArgs.builder()
                .build()));

        EntityBareJid secret = newRoom("secret");
        reservedRoom(alice, secret, "Alice", form -> {
            form.setAnswer("muc#roomconfig_passwordprotectedroom", true);
            form.setAnswer("muc#roomconfig_roomsecret", "sesame");
        });
        XMPPTCPConnection dave = user("dave");
        assertError(StanzaError.Condition.forbidden, () -> mam(dave, secret).queryArchive(MamQueryArgs.builder()
                .build()));
        muc(dave, secret).join(nick("Dave"), "sesame");
        assertEquals(0, mam(dave, secret).queryArchive(MamQueryArgs.builder().build()).getMessageCount(),
                "in the room, the password is proven");
    }

    @Test
    void aRoomWithArchivingOffKeepsNothingAndSaysSo() throws Exception {
        XMPPTCPConnection alice = user("alice");
        EntityBareJid room = newRoom("unarchived");
        MultiUserChat atAlice = muc(alice, room);
        atAlice.create(nick("Alice"));
        assertTrue(RoomOption.parseFlag(atAlice.getConfigurationForm().getField(ARCHIVING).getFirstValue()
                .toString()), "archiving is on by default");
        configure(atAlice, form -> form.setAnswer(ARCHIVING, false));
        atAlice.sendMessage("forget me");
        nextBody(atAlice);
        assertFalse(MamManager.getInstanceFor(alice, room).isSupported(), "disco#info lists no " + MAM);
        assertEquals(StanzaError.Condition.service_unavailable,
                RawIq.errorOf(alice, new RawIq(IQ.Type.set, room, "query", MAM, "")).getCondition());
        assertTrue(SERVER.storage().archive().bounds(room).isEmpty(), "nothing stored");
    }

    @Test
    void destroyingARoomDeletesItsArchive() throws Exception {
        XMPPTCPConnection alice = user("alice");
        EntityBareJid room = newRoom("doomed");
        MultiUserChat atAlice = reservedRoom(alice, room, "Alice",
                form -> form.setAnswer("muc#roomconfig_persistentroom", true));
        atAlice.sendMessage("soon gone");
        nextBody(atAlice);
        assertEquals(1, mam(alice, room).queryArchive(MamQueryArgs.builder().build()).getMessageCount());
        atAlice.destroy("done", null);
        assertTrue(SERVER.storage().archive().bounds(room).isEmpty(), "the archive went with the room");
    }

    @Test
    void aPersistentRoomGetsItsHistoryBackFromTheArchiveAfterARestart() throws Exception {
        XMPPTCPConnection alice = user("alice");
        String bobName = user("bob").getUser().getLocalpart().toString();
        EntityBareJid room = newRoom("lasting");
        MultiUserChat atAlice = reservedRoom(alice, room, "Alice", form -> {
            form.setAnswer("muc#roomconfig_persistentroom", true);
            form.setAnswer("muc#maxhistoryfetch", "3");
        });
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            atAlice.sendMessage("h" + i);
            ids.add(StanzaIdElement.getStanzaId(nextBody(atAlice)).getId());
        }
        SERVER.restart();

        XMPPTCPConnection bob = SERVER.login(bobName, "pw-" + bobName, "PLAIN");
        try {
            MultiUserChat atBob = muc(bob, room);
            atBob.join(atBob.getEnterConfigurationBuilder(nick("Bob")).build());
            List<String> replayed = new ArrayList<>();
            List<String> replayedIds = new ArrayList<>();
            for (Message message = nextBody(atBob); message != null; message = nextBody(atBob)) {
                assertNotNull(DelayInformation.from(message), "history carries its delay");
                replayed.add(message.getBody());
                replayedIds.add(StanzaIdElement.getStanzaId(message).getId());
                assertEquals(room + "/Alice", message.getFrom().toString());
            }
            assertEquals(List.of("h2", "h3", "h4"), replayed);
            assertEquals(ids.subList(2, 5), replayedIds, "the same stanza ids as before the restart");
        } finally {
            bob.disconnect();
        }
    }

    private static MamManager mam(XMPPTCPConnection connection, EntityBareJid room) throws Exception {
        MamManager manager = MamManager.getInstanceFor(connection, room);
        assertTrue(manager.isSupported(), "the room's disco#info lists " + MAM);
        return manager;
    }

    private static List<String> bodies(MamQuery query) {
        return query.getMessages().stream().map(Message::getBody).toList();
    }

    private static List<String> range(int from, int to) {
        List<String> bodies = new ArrayList<>();
        for (int i = from; i < to; i++) {
            bodies.add("m" + i);
        }
        return bodies;
    }
}
