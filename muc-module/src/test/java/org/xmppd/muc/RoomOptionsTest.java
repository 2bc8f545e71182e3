package org.xmppd.muc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.UserStatusListener;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.xmppd.server.TestServer;

/**
 * XEP-0045 room types (§4.2): members-only, password-protected, non-anonymous and
 * semi-anonymous, limited in size; each option set through the configuration form.
 */
class RoomOptionsTest extends MucTestBase {
    @RegisterExtension
    static final TestServer SERVER = serverWithMuc(UnaryOperator.identity());

    @Override
    protected TestServer server() {
        return SERVER;
    }

    @Test
    void aMembersOnlyRoomAdmitsMembersAndRemovesTheOthersWhenItBecomesOne() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        XMPPTCPConnection carol = user("carol");
        EntityBareJid room = newRoom("club");
        MultiUserChat owner = instantRoom(alice, room, "Alice");
        MultiUserChat atCarol = muc(carol, room);
        BlockingQueue<Set<MUCUser.Status>> removed = new LinkedBlockingQueue<>();
        atCarol.addUserStatusListener(new UserStatusListener() {
            @Override
            public void removed(MUCUser user, Presence presence) {
                removed.add(user.getStatus());
            }
        });
        atCarol.join(nick("Carol"));
        owner.grantMembership(bob.getUser().asBareJid());
        owner.getConfigFormManager().makeMembersOnly().submitConfigurationForm();
        Set<MUCUser.Status> codes = removed.poll(5, TimeUnit.SECONDS);
        assertNotNull(codes, "the non-member was removed");
        assertTrue(codes.contains(MUCUser.Status.create(322)), "status 322: " + codes);
        muc(bob, room).join(nick("Bob"));
        assertError(StanzaError.Condition.registration_required, () -> muc(carol, room).join(nick("Carol")));
    }

    @Test
    void aPasswordProtectedRoomWantsThePassword() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        EntityBareJid room = newRoom("vault");
        MultiUserChat owner = muc(alice, room);
        owner.create(nick("Alice")).getConfigFormManager().setAndEnablePassword("open sesame")
                .submitConfigurationForm();
        assertError(StanzaError.Condition.not_authorized, () -> muc(bob, room).join(nick("Bob")));
        assertError(StanzaError.Condition.not_authorized, () -> muc(bob, room).join(nick("Bob"), "guess"));
        muc(bob, room).join(nick("Bob"), "open sesame");
        assertTrue(muc(bob, room).isJoined());
    }

    @Test
    void realJidsShowToModeratorsOnlyUnlessTheRoomIsNonAnonymous() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        XMPPTCPConnection carol = user("carol");
        EntityBareJid room = newRoom("masks");
        MultiUserChat owner = instantRoom(alice, room, "Alice");
        BlockingQueue<EntityFullJid> joinedAtAlice = joins(owner);
        MultiUserChat atBob = muc(bob, room);
        atBob.join(nick("Bob"));
        BlockingQueue<EntityFullJid> joinedAtBob = joins(atBob);
        muc(carol, room).join(nick("Carol"));
        joinedAtAlice.poll(5, TimeUnit.SECONDS);
        EntityFullJid carolInRoom = joinedAtAlice.poll(5, TimeUnit.SECONDS);
        assertEquals(carol.getUser(), owner.getOccupant(carolInRoom).getJid(), "moderators see real JIDs");
        joinedAtBob.poll(5, TimeUnit.SECONDS);
        assertNull(atBob.getOccupant(carolInRoom).getJid(), "participants do not in a semi-anonymous room");

        configure(owner, form -> form.setAnswer("muc#roomconfig_whois", "anyone"));
        MultiUserChat atDave = muc(user("dave"), room);
        Presence self = atDave.join(nick("Dave"));
        assertTrue(MUCUser.from(self).getStatus().contains(MUCUser.Status.create(100)), "status 100");
        assertEquals(carol.getUser(), atDave.getOccupant(carolInRoom).getJid(), "anyone sees them now");
    }

    @Test
    void aFullRoomTurnsNewcomersAway() throws Exception {
        XMPPTCPConnection alice = user("alice");
        EntityBareJid room = newRoom("small");
        reservedRoom(alice, room, "Alice", form -> form.setAnswer("muc#roomconfig_maxusers", "2"));
        muc(user("bob"), room).join(nick("Bob"));
        assertError(StanzaError.Condition.service_unavailable, () -> muc(user("carol"), room).join(nick("Carol")));
    }

    @Test
    void privateMessagesFollowTheRoomsRule() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        XMPPTCPConnection carol = user("carol");
        EntityBareJid room = newRoom("whisper");
        MultiUserChat owner = instantRoom(alice, room, "Alice");
        muc(bob, room).join(nick("Bob"));
        muc(carol, room).join(nick("Carol"));
        BlockingQueue<org.jivesoftware.smack.packet.Message> atCarol = privateMessages(carol);
        BlockingQueue<org.jivesoftware.smack.packet.Message> atBob = privateMessages(bob);
        sendPrivate(bob, room, "Carol", "psst");
        org.jivesoftware.smack.packet.Message whisper = atCarol.poll(5, TimeUnit.SECONDS);
        assertEquals("psst", whisper.getBody());
        assertEquals(room + "/Bob", whisper.getFrom().toString());
        assertNotNull(MUCUser.from(whisper), "marked as from a room (§7.5)");

        configure(owner, form -> form.setAnswer("muc#roomconfig_allowpm", "moderators"));
        sendPrivate(bob, room, "Carol", "again");
        org.jivesoftware.smack.packet.Message refused = atBob.poll(5, TimeUnit.SECONDS);
        assertEquals(StanzaError.Condition.forbidden, refused.getError().getCondition());
        sendPrivate(alice, room, "Carol", "from the moderator");
        assertEquals("from the moderator", atCarol.poll(5, TimeUnit.SECONDS).getBody());
        sendPrivate(bob, room, "Nobody", "lost");
        assertEquals(StanzaError.Condition.item_not_found, atBob.poll(5, TimeUnit.SECONDS).getError().getCondition());
    }
}
