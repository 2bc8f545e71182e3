package org.xmppd.muc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.UserStatusListener;
import org.jivesoftware.smackx.muc.packet.MUCOwner;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.xmppd.server.TestServer;

/** XEP-0045 §10.1 creating (instant and reserved rooms), §10.9 destroying, persistent and temporary rooms. */
class RoomLifecycleTest extends MucTestBase {
    @RegisterExtension
    static final TestServer SERVER = serverWithMuc(UnaryOperator.identity());

    @Override
    protected TestServer server() {
        return SERVER;
    }

    @Test
    void aNewRoomIsLockedUntilItsOwnerMakesItInstant() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        EntityBareJid room = newRoom("instant");
        MultiUserChat.MucCreateConfigFormHandle created = muc(alice, room).create(nick("Alice"));
        assertError(StanzaError.Condition.item_not_found, () -> muc(bob, room).join(nick("Bob")));
        BlockingQueue<EntityFullJid> joined = joins(muc(alice, room));
        created.makeInstant();
        muc(bob, room).join(nick("Bob"));
        assertEquals(room + "/Bob", String.valueOf(joined.poll(5, TimeUnit.SECONDS)));
    }

    @Test
    void aReservedRoomTakesItsConfigurationFromTheForm() throws Exception {
        XMPPTCPConnection alice = user("alice");
        EntityBareJid room = newRoom("reserved");
        reservedRoom(alice, room, "Alice", form -> {
            form.setAnswer("muc#roomconfig_roomname", "Reserved");
            form.setAnswer("muc#roomconfig_maxusers", "10");
        });
        var info = MultiUserChatManager.getInstanceFor(user("bob")).getRoomInfo(room);
        assertEquals("Reserved", info.getName());
        String maxUsers = muc(alice, room).getConfigurationForm().getField("muc#roomconfig_maxusers")
                .getFirstValue().toString();
        assertEquals("10", maxUsers);
    }

    @Test
    void cancellingTheFirstConfigurationDestroysTheNewRoom() throws Exception {
        XMPPTCPConnection alice = user("alice");
        EntityBareJid room = newRoom("cancelled");
        muc(alice, room).create(nick("Alice"));
        MUCOwner cancel = new MUCOwner();
        cancel.setTo(room);
        cancel.setType(IQ.Type.set);
        cancel.addExtension(DataForm.builder(DataForm.Type.cancel).build());
        alice.sendIqRequestAndWaitForResponse(cancel);
        assertError(StanzaError.Condition.item_not_found,
                () -> MultiUserChatManager.getInstanceFor(alice).getRoomInfo(room));
    }

    @Test
    void onlyOwnersConfigure() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        EntityBareJid room = newRoom("owned");
        instantRoom(alice, room, "Alice");
        MultiUserChat atBob = muc(bob, room);
        atBob.join(nick("Bob"));
        assertError(StanzaError.Condition.forbidden, atBob::getConfigurationForm);
        assertError(StanzaError.Condition.forbidden, () -> atBob.destroy("mine now", null));
    }

    @Test
    void destroyingTellsOccupantsWhyAndWhereToGo() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        XMPPTCPConnection carol = user("carol");
        EntityBareJid room = newRoom("doomed");
        EntityBareJid venue = newRoom("venue");
        MultiUserChat owner = instantRoom(alice, room, "Alice");
        BlockingQueue<String> told = new ArrayBlockingQueue<>(4);
        for (XMPPTCPConnection guest : new XMPPTCPConnection[] {bob, carol}) {
            MultiUserChat muc = muc(guest, room);
            muc.addUserStatusListener(new UserStatusListener() {
                @Override
                public void roomDestroyed(MultiUserChat alternate, String password, String reason) {
                    told.add(reason + " -> " + alternate.getRoom());
                }
            });
            muc.join(nick(guest == bob ? "Bob" : "Carol"));
        }
        owner.destroy("Moving on", venue);
        assertEquals("Moving on -> " + venue, told.poll(5, TimeUnit.SECONDS));
        assertEquals("Moving on -> " + venue, told.poll(5, TimeUnit.SECONDS));
        assertError(StanzaError.Condition.item_not_found,
                () -> MultiUserChatManager.getInstanceFor(bob).getRoomInfo(room));
    }

    @Test
    void aTemporaryRoomGoesWithItsLastOccupantAPersistentOneStays() throws Exception {
        XMPPTCPConnection alice = user("alice");
        EntityBareJid temporary = newRoom("temporary");
        instantRoom(alice, temporary, "Alice").leave();
        assertError(StanzaError.Condition.item_not_found,
                () -> MultiUserChatManager.getInstanceFor(alice).getRoomInfo(temporary));

        EntityBareJid persistent = newRoom("persistent");
        reservedRoom(alice, persistent, "Alice", form -> form.setAnswer("muc#roomconfig_persistentroom", true))
                .leave();
        var info = MultiUserChatManager.getInstanceFor(user("bob")).getRoomInfo(persistent);
        assertTrue(info.isPersistent());
        assertEquals(0, info.getOccupantsCount());
        assertTrue(SERVER.storage().rooms().room(persistent).isPresent(), "persistent rooms are stored");
    }
}
