package org.xmppd.muc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.Affiliate;
import org.jivesoftware.smackx.muc.MUCRole;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.Occupant;
import org.jivesoftware.smackx.muc.ParticipantStatusListener;
import org.jivesoftware.smackx.muc.UserStatusListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.xmppd.server.TestServer;

/**
 * XEP-0045 §8-§10: every admin and owner use case through Smack's API: kick, ban, membership,
 * voice, moderator, admin and owner grants and revocations, the lists, and who may do what.
 */
class ModerationTest extends MucTestBase {
    @RegisterExtension
    static final TestServer SERVER = serverWithMuc(UnaryOperator.identity());

    @Override
    protected TestServer server() {
        return SERVER;
    }

    @Test
    void aModeratorKicksAParticipantWithAReason() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        XMPPTCPConnection carol = user("carol");
        EntityBareJid room = newRoom("kick");
        MultiUserChat owner = instantRoom(alice, room, "Alice");
        MultiUserChat atBob = muc(bob, room);
        BlockingQueue<String> kicked = new LinkedBlockingQueue<>();
        atBob.addUserStatusListener(new UserStatusListener() {
            @Override
            public void kicked(Jid actor, String reason) {
                kicked.add(reason);
            }
        });
        atBob.join(nick("Bob"));
        MultiUserChat atCarol = muc(carol, room);
        atCarol.join(nick("Carol"));
        BlockingQueue<String> seenKicked = new LinkedBlockingQueue<>();
        atCarol.addParticipantStatusListener(new ParticipantStatusListener() {
            @Override
            public void kicked(EntityFullJid participant, Jid actor, String reason) {
                seenKicked.add(participant.getResourceOrThrow() + ": " + reason);
            }
        });
        assertError(StanzaError.Condition.forbidden, () -> atCarol.kickParticipant(nick("Bob"), "no power"));
        owner.kickParticipant(nick("Bob"), "Avaunt, you cullion!");
        assertEquals("Avaunt, you cullion!", kicked.poll(5, TimeUnit.SECONDS));
        assertEquals("Bob: Avaunt, you cullion!", seenKicked.poll(5, TimeUnit.SECONDS), "the others see why");
        assertError(StanzaError.Condition.not_allowed, () -> muc(alice, room).kickParticipant(nick("Alice"), "me"));
    }

    @Test
    void aBannedUserIsRemovedAndKeptOut() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        EntityBareJid room = newRoom("ban");
        MultiUserChat owner = instantRoom(alice, room, "Alice");
        MultiUserChat atBob = muc(bob, room);
        BlockingQueue<String> banned = new LinkedBlockingQueue<>();
        atBob.addUserStatusListener(new UserStatusListener() {
            @Override
            public void banned(Jid actor, String reason) {
                banned.add(reason);
            }
        });
        atBob.join(nick("Bob"));
        owner.banUser(bob.getUser().asBareJid(), "Treason");
        assertEquals("Treason", banned.poll(5, TimeUnit.SECONDS));
        List<Affiliate> outcasts = owner.getOutcasts();
        assertEquals(1, outcasts.size());
        assertEquals(bob.getUser().asBareJid(), outcasts.get(0).getJid());
        assertError(StanzaError.Condition.forbidden, () -> muc(bob, room).join(nick("Bob")));
        owner.grantMembership(bob.getUser().asBareJid()); // lifting the ban
        muc(bob, room).join(nick("Bob"));
    }

    @Test
    void membershipIsGrantedListedAndRevoked() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        XMPPTCPConnection carol = user("carol");
        EntityBareJid room = newRoom("members");
        MultiUserChat owner = instantRoom(alice, room, "Alice");
        owner.grantMembership(bob.getUser().asBareJid());
        owner.grantMembership(carol.getUser().asBareJid());
        assertEquals(2, owner.getMembers().size());
        owner.revokeMembership(carol.getUser().asBareJid());
        List<Affiliate> members = owner.getMembers();
        assertEquals(1, members.size());
        assertEquals(bob.getUser().asBareJid(), members.get(0).getJid());
        MultiUserChat atBob = muc(bob, room);
        atBob.join(nick("Bob"));
        assertError(StanzaError.Condition.forbidden, atBob::getMembers);
        assertError(StanzaError.Condition.forbidden, () -> atBob.banUser(carol.getUser().asBareJid(), "no power"));
    }

    @Test
    void visitorsInAModeratedRoomSpeakOnlyWithVoice() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        EntityBareJid room = newRoom("moderated");
        MultiUserChat owner = reservedRoom(alice, room, "Alice",
                form -> form.setAnswer("muc#roomconfig_moderatedroom", true));
        MultiUserChat atBob = muc(bob, room);
        BlockingQueue<String> voice = new LinkedBlockingQueue<>();
        atBob.addUserStatusListener(new UserStatusListener() {
            @Override
            public void voiceGranted() {
                voice.add("granted");
            }

            @Override
            public void voiceRevoked() {
                voice.add("revoked");
            }
        });
        BlockingQueue<Message> errors = new LinkedBlockingQueue<>();
        bob.addAsyncStanzaListener(s -> errors.add((Message) s), s -> s instanceof Message m && m.getError() != null);
        BlockingQueue<EntityFullJid> joined = joins(owner);
        atBob.join(nick("Bob"));
        assertEquals(MUCRole.visitor, owner.getOccupant(joined.poll(5, TimeUnit.SECONDS)).getRole());
        atBob.sendMessage("may I?");
        Message refused = errors.poll(5, TimeUnit.SECONDS);
        assertNotNull(refused, "a visitor's message is refused");
        assertEquals(StanzaError.Condition.forbidden, refused.getError().getCondition());
        owner.grantVoice(nick("Bob"));
        assertEquals("granted", voice.poll(5, TimeUnit.SECONDS));
        assertEquals(1, owner.getParticipants().size());
        atBob.sendMessage("thank you");
        assertEquals("thank you", nextBody(owner).getBody());
        owner.revokeVoice(nick("Bob"));
        assertEquals("revoked", voice.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void adminsGrantModeratorAndOwnersGrantAdminAndOwner() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        XMPPTCPConnection carol = user("carol");
        EntityBareJid room = newRoom("ranks");
        MultiUserChat owner = instantRoom(alice, room, "Alice");
        MultiUserChat atBob = muc(bob, room);
        atBob.join(nick("Bob"));
        MultiUserChat atCarol = muc(carol, room);
        atCarol.join(nick("Carol"));

        owner.grantModerator(nick("Bob"));
        assertTrue(owner.getModerators().stream().map(Occupant::getNick).map(Object::toString).toList()
                .contains("Bob"));
        // A moderator by role only may kick but not make moderators (§9.6), nor touch the owner (§5.1.1).
        assertError(StanzaError.Condition.forbidden, () -> atBob.grantModerator(nick("Carol")));
        assertError(StanzaError.Condition.not_allowed, () -> atBob.revokeVoice(nick("Alice")));
        assertError(StanzaError.Condition.not_allowed, () -> atBob.revokeModerator(nick("Alice")));
        owner.revokeModerator(nick("Bob"));

        owner.grantAdmin(bob.getUser().asBareJid());
        assertEquals(List.of(bob.getUser().asBareJid()), owner.getAdmins().stream().map(Affiliate::getJid).toList());
        atBob.grantModerator(nick("Carol")); // admins may
        assertError(StanzaError.Condition.forbidden, () -> atBob.grantAdmin(carol.getUser().asBareJid()));
        assertError(StanzaError.Condition.not_allowed, () -> atBob.kickParticipant(nick("Alice"), "coup"));

        owner.grantOwnership(carol.getUser().asBareJid());
        assertEquals(2, owner.getOwners().size());
        owner.revokeOwnership(carol.getUser().asBareJid()); // Smack demotes owners to admin
        assertError(StanzaError.Condition.conflict, () -> owner.revokeOwnership(alice.getUser().asBareJid()));
        owner.revokeAdmin(bob.getUser().asBareJid());
        assertEquals(List.of(carol.getUser().asBareJid()), owner.getAdmins().stream().map(Affiliate::getJid).toList());
        assertEquals(List.of(bob.getUser().asBareJid()), owner.getMembers().stream().map(Affiliate::getJid).toList());
    }
}
