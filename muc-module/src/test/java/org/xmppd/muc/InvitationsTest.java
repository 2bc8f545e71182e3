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
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.Affiliate;
import org.jivesoftware.smackx.muc.DirectMucInvitationManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.UserStatusListener;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.xmppd.server.TestServer;

/**
 * XEP-0045 §7.8 mediated invitations and declines, XEP-0249 direct invitations, §8.6 voice
 * requests and §7.10 registration with a room.
 */
class InvitationsTest extends MucTestBase {
    @RegisterExtension
    static final TestServer SERVER = serverWithMuc(UnaryOperator.identity());

    @Override
    protected TestServer server() {
        return SERVER;
    }

    @Test
    void aMediatedInvitationReachesTheInviteeAndMakesThemAMemberOfAMembersOnlyRoom() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        EntityBareJid room = newRoom("invite");
        MultiUserChat owner = reservedRoom(alice, room, "Alice", form -> {
            form.setAnswer("muc#roomconfig_membersonly", true);
            form.setAnswer("muc#roomconfig_passwordprotectedroom", true);
            form.setAnswer("muc#roomconfig_roomsecret", "s3cret");
        });
        BlockingQueue<String> invitations = new LinkedBlockingQueue<>();
        MultiUserChatManager.getInstanceFor(bob).addInvitationListener(
                (conn, muc, inviter, reason, password, message, invite) ->
                        invitations.add(muc.getRoom() + " " + inviter.asBareJid() + " " + reason + " " + password));
        owner.invite(bob.getUser().asEntityBareJid(), "Join us");
        assertEquals(room + " " + alice.getUser().asBareJid() + " Join us s3cret", invitations.poll(5, TimeUnit.SECONDS));
        muc(bob, room).join(nick("Bob"), "s3cret");
        assertEquals(List.of(bob.getUser().asBareJid()), owner.getMembers().stream().map(Affiliate::getJid).toList());
    }

    @Test
    void inAMembersOnlyRoomOnlyAdminsInviteUnlessAllowed() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        XMPPTCPConnection carol = user("carol");
        EntityBareJid room = newRoom("strict");
        MultiUserChat owner = reservedRoom(alice, room, "Alice",
                form -> form.setAnswer("muc#roomconfig_membersonly", true));
        owner.grantMembership(bob.getUser().asBareJid());
        MultiUserChat atBob = muc(bob, room);
        atBob.join(nick("Bob"));
        BlockingQueue<Message> errors = new LinkedBlockingQueue<>();
        bob.addAsyncStanzaListener(s -> errors.add((Message) s), s -> s instanceof Message m && m.getError() != null);
        atBob.invite(carol.getUser().asEntityBareJid(), "come");
        assertEquals(StanzaError.Condition.forbidden, errors.poll(5, TimeUnit.SECONDS).getError().getCondition());
        configure(owner, form -> form.setAnswer("muc#roomconfig_allowinvites", true));
        BlockingQueue<String> invitations = new LinkedBlockingQueue<>();
        MultiUserChatManager.getInstanceFor(carol).addInvitationListener(
                (conn, muc, inviter, reason, password, message, invite) -> invitations.add(reason));
        atBob.invite(carol.getUser().asEntityBareJid(), "come now");
        assertEquals("come now", invitations.poll(5, TimeUnit.SECONDS));
        muc(carol, room).join(nick("Carol"));
    }

    @Test
    void aDeclineGoesBackToTheInviter() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        EntityBareJid room = newRoom("declined");
        MultiUserChat owner = instantRoom(alice, room, "Alice");
        BlockingQueue<String> declines = new LinkedBlockingQueue<>();
        owner.addInvitationRejectionListener((invitee, reason, message, decline) ->
                declines.add(invitee + ": " + reason));
        MultiUserChatManager.getInstanceFor(bob).decline(room, alice.getUser().asEntityBareJid(), "Busy");
        assertEquals(bob.getUser().asBareJid() + ": Busy", declines.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void aDirectInvitationTravelsBetweenUsers() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        EntityBareJid room = newRoom("direct");
        MultiUserChat owner = instantRoom(alice, room, "Alice");
        BlockingQueue<String> invitations = new LinkedBlockingQueue<>();
        DirectMucInvitationManager.getInstanceFor(bob).addInvitationListener(
                (invitation, stanza) -> invitations.add(invitation.getRoomAddress() + " " + invitation.getReason()));
        DirectMucInvitationManager.getInstanceFor(alice).inviteToMuc(owner, bob.getUser().asEntityBareJid(), null,
                "Over here", false, null);
        assertEquals(room + " Over here", invitations.poll(5, TimeUnit.SECONDS));
        muc(bob, room).join(nick("Bob"));
    }

    @Test
    void aVisitorAsksForVoiceAndAModeratorGrantsIt() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        EntityBareJid room = newRoom("voice");
        reservedRoom(alice, room, "Alice", form -> form.setAnswer("muc#roomconfig_moderatedroom", true));
        BlockingQueue<DataForm> requests = new LinkedBlockingQueue<>();
        alice.addAsyncStanzaListener(s -> requests.add(DataForm.from((Message) s)),
                s -> s instanceof Message m && DataForm.from(m) != null);
        MultiUserChat atBob = muc(bob, room);
        BlockingQueue<String> voice = new LinkedBlockingQueue<>();
        atBob.addUserStatusListener(new UserStatusListener() {
            @Override
            public void voiceGranted() {
                voice.add("granted");
            }
        });
        atBob.join(nick("Bob"));
        atBob.requestVoice();
        DataForm request = requests.poll(5, TimeUnit.SECONDS);
        assertNotNull(request, "moderators get the request");
        assertEquals("http://jabber.org/protocol/muc#request", request.getFormType());
        assertEquals("Bob", request.getField("muc#roomnick").getFirstValue());
        DataForm approval = DataForm.builder(DataForm.Type.submit).setFormType("http://jabber.org/protocol/muc#request")
                .addField(FormField.textSingleBuilder("muc#role").setValue("participant").build())
                .addField(FormField.textSingleBuilder("muc#roomnick").setValue("Bob").build())
                .addField(FormField.booleanBuilder("muc#request_allow").setValue(true).build()).build();
        alice.sendStanza(MessageBuilder.buildMessage().to(room).addExtension(approval).build());
        assertEquals("granted", voice.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void registeringWithARoomMakesAMemberWithAReservedNickname() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        XMPPTCPConnection carol = user("carol");
        EntityBareJid room = newRoom("register");
        MultiUserChat owner = reservedRoom(alice, room, "Alice",
                form -> form.setAnswer("muc#roomconfig_membersonly", true));
        MultiUserChat atBob = muc(bob, room);
        FillableForm form = atBob.getRegistrationForm().getFillableForm();
        form.setAnswer("muc#register_roomnick", "Bobby");
        atBob.sendRegistrationForm(form);
        List<Affiliate> members = owner.getMembers();
        assertEquals(1, members.size());
        assertEquals("Bobby", members.get(0).getNick().toString());
        assertEquals("Bobby", atBob.getReservedNickname());
        atBob.join(nick("Bobby"));
        assertTrue(atBob.isJoined(), "members enter the members-only room");

        MultiUserChat atCarol = muc(carol, room);
        FillableForm taken = atCarol.getRegistrationForm().getFillableForm();
        taken.setAnswer("muc#register_roomnick", "Bobby");
        assertError(StanzaError.Condition.conflict, () -> atCarol.sendRegistrationForm(taken));
    }
}
