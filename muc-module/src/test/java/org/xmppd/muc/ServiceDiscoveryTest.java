package org.xmppd.muc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.muc.HostedRoom;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.RoomInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.server.TestServer;

/** XEP-0045 §6: discovering the service, its rooms, a room's features and information, its occupants. */
class ServiceDiscoveryTest extends MucTestBase {
    @RegisterExtension
    static final TestServer SERVER = serverWithMuc(UnaryOperator.identity());

    @Override
    protected TestServer server() {
        return SERVER;
    }

    @Test
    void theServerListsTheServiceWhichIsAConferenceService() throws Exception {
        XMPPTCPConnection alice = user("alice");
        MultiUserChatManager manager = MultiUserChatManager.getInstanceFor(alice);
        DomainBareJid service = JidCreate.domainBareFrom(SERVICE);
        assertEquals(List.of(service), manager.getMucServiceDomains());
        DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(alice).discoverInfo(service);
        assertTrue(info.hasIdentity("conference", "text"));
        assertTrue(info.containsFeature("http://jabber.org/protocol/muc"));
    }

    @Test
    void publicRoomsAreListedHiddenAndLockedOnesAreNot() throws Exception {
        XMPPTCPConnection alice = user("alice");
        EntityBareJid open = newRoom("open");
        MultiUserChat openRoom = muc(alice, open);
        openRoom.create(nick("Alice")).getConfigFormManager().setRoomName("The Open Room").submitConfigurationForm();
        EntityBareJid hidden = newRoom("hidden");
        muc(alice, hidden).create(nick("Alice")).getConfigFormManager().makeHidden().submitConfigurationForm();
        EntityBareJid locked = newRoom("locked");
        muc(alice, locked).create(nick("Alice"));

        Map<EntityBareJid, HostedRoom> rooms = MultiUserChatManager.getInstanceFor(user("bob"))
                .getRoomsHostedBy(JidCreate.domainBareFrom(SERVICE));
        assertEquals("The Open Room", rooms.get(open).getName());
        assertFalse(rooms.containsKey(hidden), "hidden rooms are not listed");
        assertFalse(rooms.containsKey(locked), "rooms being set up are not listed");
    }

    @Test
    void roomInfoDescribesTheRoom() throws Exception {
        XMPPTCPConnection alice = user("alice");
        EntityBareJid room = newRoom("info");
        MultiUserChat muc = reservedRoom(alice, room, "Alice", form -> {
            form.setAnswer("muc#roomconfig_roomname", "Info");
            form.setAnswer("muc#roomconfig_roomdesc", "All about it");
            form.setAnswer("muc#roomconfig_membersonly", true);
            form.setAnswer("muc#roomconfig_moderatedroom", true);
            form.setAnswer("muc#roomconfig_persistentroom", true);
            form.setAnswer("muc#roomconfig_whois", "anyone");
            form.setAnswer("muc#roomconfig_lang", "en");
        });
        muc.changeSubject("Today's topic");

        RoomInfo info = MultiUserChatManager.getInstanceFor(user("bob")).getRoomInfo(room);
        assertEquals("Info", info.getName());
        assertEquals("All about it", info.getDescription());
        assertEquals("Today's topic", info.getSubject());
        assertEquals("en", info.getLang());
        assertEquals(1, info.getOccupantsCount());
        assertEquals(20, info.getMaxHistoryFetch());
        assertTrue(info.isMembersOnly());
        assertTrue(info.isModerated());
        assertTrue(info.isPersistent());
        assertTrue(info.isNonanonymous());
        assertFalse(info.isPasswordProtected());
        assertEquals(Boolean.FALSE, info.isSubjectModifiable());
    }

    @Test
    void absentRoomsAreNotFound() throws Exception {
        XMPPTCPConnection bob = user("bob");
        assertError(StanzaError.Condition.item_not_found,
                () -> MultiUserChatManager.getInstanceFor(bob).getRoomInfo(newRoom("nothing")));
    }

    @Test
    void occupantsAreListedForPublicRoomsAndForOccupantsOfHiddenOnes() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        XMPPTCPConnection carol = user("carol");
        EntityBareJid room = newRoom("listed");
        instantRoom(alice, room, "Alice");
        muc(bob, room).join(nick("Bob"));
        DiscoverItems items = ServiceDiscoveryManager.getInstanceFor(carol).discoverItems(room);
        assertEquals(List.of(room + "/Alice", room + "/Bob"),
                items.getItems().stream().map(i -> i.getEntityID().toString()).sorted().toList());

        EntityBareJid hidden = newRoom("secret");
        muc(alice, hidden).create(nick("Alice")).getConfigFormManager().makeHidden().submitConfigurationForm();
        assertEquals(0, ServiceDiscoveryManager.getInstanceFor(carol).discoverItems(hidden).getItems().size());
        assertEquals(1, ServiceDiscoveryManager.getInstanceFor(alice).discoverItems(hidden).getItems().size());
    }
}
