package org.xmppd.muc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.ParticipantStatusListener;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.xmppd.server.TestServer;

/**
 * XEP-0045 §7: entering with a nickname, conflicts, nickname and status changes, leaving (seed
 * feature 10), self-presence status codes, discussion history and the subject, with three users.
 */
class OccupantsTest extends MucTestBase {
    @RegisterExtension
    static final TestServer SERVER = serverWithMuc(UnaryOperator.identity());

    @Override
    protected TestServer server() {
        return SERVER;
    }

    @Test
    void everyoneSeesWhoEntersAndLeaves() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        XMPPTCPConnection carol = user("carol");
        EntityBareJid room = newRoom("lobby");
        MultiUserChat atAlice = instantRoom(alice, room, "Alice");
        BlockingQueue<EntityFullJid> joined = joins(atAlice);
        BlockingQueue<EntityFullJid> left = leaves(atAlice);
        MultiUserChat atBob = muc(bob, room);
        atBob.join(nick("Bob"));
        MultiUserChat atCarol = muc(carol, room);
        Presence self = atCarol.join(nick("Carol"));
        assertEquals(Set.of(MUCUser.Status.PRESENCE_TO_SELF_110), MUCUser.from(self).getStatus());
        assertTrue(atCarol.getOccupants().stream().map(Object::toString).toList()
                .containsAll(List.of(room + "/Alice", room + "/Bob")), "the newcomer learns who is there");
        assertEquals(room + "/Bob", String.valueOf(joined.poll(5, TimeUnit.SECONDS)));
        assertEquals(room + "/Carol", String.valueOf(joined.poll(5, TimeUnit.SECONDS)));

        atBob.leave();
        assertEquals(room + "/Bob", String.valueOf(left.poll(5, TimeUnit.SECONDS)));
        carol.disconnect();
        assertEquals(room + "/Carol", String.valueOf(left.poll(5, TimeUnit.SECONDS)), "going offline leaves rooms");
        assertEquals(1, atAlice.getOccupantsCount());
    }

    @Test
    void theCreatorIsToldTheRoomIsNew() throws Exception {
        XMPPTCPConnection alice = user("alice");
        MultiUserChat muc = muc(alice, newRoom("fresh"));
        Presence self = muc.join(nick("Alice"));
        assertEquals(Set.of(MUCUser.Status.PRESENCE_TO_SELF_110, MUCUser.Status.ROOM_CREATED_201),
                MUCUser.from(self).getStatus());
        assertEquals("owner", MUCUser.from(self).getItem().getAffiliation().toString());
    }

    @Test
    void aNicknameInUseIsRefusedAndNicknamesChange() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        XMPPTCPConnection carol = user("carol");
        EntityBareJid room = newRoom("nicks");
        MultiUserChat atAlice = instantRoom(alice, room, "Alice");
        assertError(StanzaError.Condition.conflict, () -> muc(bob, room).join(nick("Alice")));
        MultiUserChat atBob = muc(bob, room);
        atBob.join(nick("Bob"));
        muc(carol, room).join(nick("Carol"));
        BlockingQueue<String> renames = new LinkedBlockingQueue<>();
        atAlice.addParticipantStatusListener(new ParticipantStatusListener() {
            @Override
            public void nicknameChanged(EntityFullJid participant, Resourcepart newNickname) {
                renames.add(participant.getResourceOrThrow() + "->" + newNickname);
            }
        });
        atBob.changeNickname(nick("Robert"));
        assertEquals("Bob->Robert", renames.poll(5, TimeUnit.SECONDS));
        assertEquals("Robert", atBob.getNickname().toString());
        assertError(StanzaError.Condition.conflict, () -> atBob.changeNickname(nick("Carol")));
        atBob.sendMessage("still me");
        assertEquals(room + "/Robert", nextBody(atAlice).getFrom().toString());
    }

    @Test
    void statusChangesReachEveryone() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        EntityBareJid room = newRoom("status");
        MultiUserChat atAlice = instantRoom(alice, room, "Alice");
        BlockingQueue<Presence> seen = new LinkedBlockingQueue<>();
        atAlice.addParticipantListener(seen::add);
        MultiUserChat atBob = muc(bob, room);
        atBob.join(nick("Bob"));
        atBob.changeAvailabilityStatus("Lunch", Presence.Mode.away);
        Presence away = null;
        for (Presence p = seen.poll(5, TimeUnit.SECONDS); p != null; p = seen.poll(5, TimeUnit.SECONDS)) {
            if (p.getMode() == Presence.Mode.away) {
                away = p;
                break;
            }
        }
        assertNotNull(away, "the away presence arrived");
        assertEquals("Lunch", away.getStatus());
        assertEquals(room + "/Bob", away.getFrom().toString());
    }

    @Test
    void historyHonoursTheLimitsAsked() throws Exception {
        XMPPTCPConnection alice = user("alice");
        EntityBareJid room = newRoom("history");
        MultiUserChat atAlice = instantRoom(alice, room, "Alice");
        for (int i = 1; i <= 5; i++) {
            atAlice.sendMessage("message " + i);
        }
        nextBodies(atAlice, 5); // reflected: the room has them all
        assertEquals(List.of("message 1", "message 2", "message 3", "message 4", "message 5"),
                history(user("bob"), room, b -> b));
        assertEquals(List.of("message 4", "message 5"), history(user("carol"), room, b -> b.requestMaxStanzasHistory(2)));
        assertEquals(List.of(), history(user("dave"), room, b -> b.requestMaxCharsHistory(0)));
        assertEquals(List.of(), history(user("erin"), room,
                b -> b.requestHistorySince(new Date(System.currentTimeMillis() + 60_000))));
        assertEquals(5, history(user("frank"), room, b -> b.requestHistorySince(3600)).size());
    }

    @Test
    void historyCarriesDelayStampsAndTheSubjectComesLast() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        EntityBareJid room = newRoom("stamps");
        MultiUserChat atAlice = instantRoom(alice, room, "Alice");
        atAlice.sendMessage("before you came");
        atAlice.changeSubject("Greetings");
        MultiUserChat atBob = muc(bob, room);
        atBob.join(nick("Bob"));
        Message old = atBob.nextMessage(5000);
        assertEquals("before you came", old.getBody());
        assertNotNull(DelayInformation.from(old), "history is stamped (XEP-0203)");
        Message subject = atBob.nextMessage(5000);
        assertEquals("Greetings", subject.getSubject(), subject.toXML().toString());
        assertNull(subject.getBody());
    }

    @Test
    void onlyModeratorsChangeTheSubjectUnlessTheRoomAllowsIt() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        EntityBareJid room = newRoom("subject");
        MultiUserChat atAlice = instantRoom(alice, room, "Alice");
        MultiUserChat atBob = muc(bob, room);
        atBob.join(nick("Bob"));
        assertError(StanzaError.Condition.forbidden, () -> atBob.changeSubject("Mine"));
        configure(atAlice, form -> form.setAnswer("muc#roomconfig_changesubject", true));
        BlockingQueue<String> subjects = new LinkedBlockingQueue<>();
        atAlice.addSubjectUpdatedListener((subject, from) -> subjects.add(from.getResourceOrThrow() + ": " + subject));
        atBob.changeSubject("Ours");
        assertEquals("Bob: Ours", subjects.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void oneUserMayBeInFromTwoResourcesUnderOneNickname() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection phone = resource(alice, "phone");
        XMPPTCPConnection bob = user("bob");
        EntityBareJid room = newRoom("devices");
        MultiUserChat desktop = instantRoom(alice, room, "Alice");
        MultiUserChat mobile = muc(phone, room);
        mobile.join(nick("Alice"));
        MultiUserChat atBob = muc(bob, room);
        atBob.join(nick("Bob"));
        // Smack may return from join() before its listener has counted the presences that came first.
        assertEquals(2, occupantsCount(atBob, 2), "one occupant for both resources");
        atBob.sendMessage("to both");
        assertEquals("to both", nextBody(desktop).getBody());
        assertEquals("to both", nextBody(mobile).getBody());
        mobile.leave();
        atBob.sendMessage("desktop only");
        assertEquals("desktop only", nextBody(desktop).getBody());
        assertEquals(2, atBob.getOccupantsCount(), "Alice is still in from her desktop");
    }

    @Test
    void messagesKeepOneOrderForEveryone() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        XMPPTCPConnection carol = user("carol");
        EntityBareJid room = newRoom("order");
        MultiUserChat atAlice = instantRoom(alice, room, "Alice");
        MultiUserChat atBob = muc(bob, room);
        atBob.join(nick("Bob"));
        MultiUserChat atCarol = muc(carol, room);
        atCarol.join(nick("Carol"));
        for (int i = 0; i < 20; i++) {
            atAlice.sendMessage("a" + i);
            atBob.sendMessage("b" + i);
        }
        List<String> seenByAlice = nextBodies(atAlice, 40);
        assertEquals(seenByAlice, nextBodies(atBob, 40));
        assertEquals(seenByAlice, nextBodies(atCarol, 40));
    }

    /** What {@code user} gets as history when entering with {@code config}. */
    private static List<String> history(XMPPTCPConnection user, EntityBareJid room,
            UnaryOperator<org.jivesoftware.smackx.muc.MucEnterConfiguration.Builder> config) throws Exception {
        MultiUserChat muc = muc(user, room);
        muc.join(config.apply(muc.getEnterConfigurationBuilder(nick("N" + user.getUser().getLocalpart()))).build());
        List<String> bodies = new ArrayList<>();
        for (Message m = muc.nextMessage(5000); m != null && m.getSubject() == null; m = muc.nextMessage(5000)) {
            bodies.add(m.getBody());
        }
        return bodies;
    }

    /** The occupant count once it reaches {@code expected}, or after five seconds. */
    private static int occupantsCount(MultiUserChat muc, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (muc.getOccupantsCount() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return muc.getOccupantsCount();
    }

    private static List<String> nextBodies(MultiUserChat muc, int count) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Message message = nextBody(muc);
            assertNotNull(message, "message " + i + " of " + count);
            bodies.add(message.getBody());
        }
        assertTrue(bodies.size() == count);
        return bodies;
    }
}
