package org.xmppd.server.modules.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.PresenceBuilder;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.server.modules.ImClient;
import org.xmppd.server.modules.ImTestBase;
import org.xmppd.storage.PresenceStore;

/** RFC 6121 §4 presence between local accounts; runs per storage backend. */
public abstract class PresenceTest extends ImTestBase {

    /** §4.2, §4.5: a subscribed contact sees the user come, change and go. */
    @Test
    void contactsSeeInitialPresenceChangesAndLogout() throws Exception {
        String aliceName = newAccount("alice");
        ImClient alice = online(aliceName, "desk", 0);
        ImClient bob = online(newAccount("bob"), "desk", 0);
        subscribeBothWays(alice, bob);
        EntityFullJid gone = alice.jid();
        alice.close();

        bob.nextPresence(Presence.Type.unavailable, gone);
        ImClient again = online(aliceName, "laptop", 3);
        Presence initial = bob.nextPresence(Presence.Type.available, again.jid());
        assertEquals(3, initial.getPriority());

        again.sendAndSync(PresenceBuilder.buildPresence().ofType(Presence.Type.available)
                .setMode(Presence.Mode.away).setStatus("lunch").build());
        Presence away = bob.nextPresence(Presence.Type.available, again.jid());
        assertEquals(Presence.Mode.away, away.getMode());
        assertEquals("lunch", away.getStatus());
    }

    /** §4.5.3: a connection that just dies is announced unavailable all the same. */
    @Test
    void droppedConnectionIsAnnouncedUnavailable() throws Exception {
        ImClient alice = online(newAccount("alice"), "desk", 0);
        ImClient bob = online(newAccount("bob"), "desk", 0);
        subscribeBothWays(alice, bob);
        EntityFullJid gone = alice.jid();
        alice.kill();
        bob.nextPresence(Presence.Type.unavailable, gone);
    }

    /** §4.5.3: a stream the server ends with a stream error (here RFC 6120 §4.9.3.9 invalid-from) too. */
    @Test
    void sessionEndedByAStreamErrorIsAnnouncedUnavailable() throws Exception {
        ImClient alice = online(newAccount("alice"), "desk", 0);
        ImClient bob = online(newAccount("bob"), "desk", 0);
        subscribeBothWays(alice, bob);
        EntityFullJid gone = alice.jid();
        alice.connection().setFromMode(XMPPConnection.FromMode.UNCHANGED); // Smack drops 'from' by default
        alice.connection().sendStanza(MessageBuilder.buildMessage().to(bob.jid())
                .from(JidCreate.entityFullFrom("mallory@localhost/forged")).setBody("forged").build());
        bob.nextPresence(Presence.Type.unavailable, gone);
        assertTrue(bob.messages().isEmpty(), "the forged message was not delivered");
    }

    /** §4.3: on login, probes bring the presence of every available resource of the contacts. */
    @Test
    void probesBringContactsPresenceAtLogin() throws Exception {
        String aliceName = newAccount("alice");
        ImClient alice = online(aliceName, "desk", 0);
        ImClient bob = online(newAccount("bob"), "desk", 0);
        subscribeBothWays(alice, bob);
        ImClient bobPhone = online(bob.bare().getLocalpart().toString(), "phone", 2);
        alice.close();

        ImClient back = online(aliceName, "desk", 0);
        Map<Jid, Integer> priorities = new HashMap<>();
        while (priorities.size() < 2) {
            Presence presence = back.nextPresence(p -> p.getType() == Presence.Type.available
                    && bob.bare().equals(p.getFrom().asBareJid()));
            priorities.put(presence.getFrom(), presence.getPriority());
        }
        assertEquals(Map.of(bob.jid(), 0, bobPhone.jid(), 2), priorities);
    }

    /** §4.2.2, §4.4.2: the user's own resources see each other. */
    @Test
    void ownResourcesSeeEachOther() throws Exception {
        String name = newAccount("alice");
        ImClient desk = online(name, "desk", 0);
        ImClient phone = online(name, "phone", 1);
        desk.nextPresence(Presence.Type.available, phone.jid());
        phone.nextPresence(Presence.Type.available, desk.jid());
        EntityFullJid gone = phone.jid();
        phone.close();
        desk.nextPresence(Presence.Type.unavailable, gone);
    }

    /** §4.6: directed presence reaches a non-contact, who is told when the sender leaves. */
    @Test
    void directedPresenceIsWithdrawnAtLogout() throws Exception {
        ImClient alice = online(newAccount("alice"), "desk", 0);
        ImClient carol = online(newAccount("carol"), "desk", 0);
        ImClient dave = online(newAccount("dave"), "desk", 0);
        alice.sendAndSync(PresenceBuilder.buildPresence().to(carol.bare()).setStatus("hi carol").build());
        assertEquals("hi carol", carol.nextPresence(Presence.Type.available, alice.jid()).getStatus());
        alice.sendAndSync(PresenceBuilder.buildPresence().to(dave.jid()).build());
        dave.nextPresence(Presence.Type.available, alice.jid());
        alice.sendAndSync(PresenceBuilder.buildPresence().ofType(Presence.Type.unavailable).to(dave.jid()).build());
        dave.nextPresence(Presence.Type.unavailable, alice.jid());

        EntityFullJid gone = alice.jid();
        alice.close();
        carol.nextPresence(Presence.Type.unavailable, gone);
        ImClient marker = online(alice.bare().getLocalpart().toString(), "marker", 0);
        assertNoPresence(marker, dave, p -> gone.equals(p.getFrom()));
    }

    /**
     * §4.6.3: a session that only ever sent directed presence (no broadcast, as a bot or a
     * client that only joins rooms does) still has it withdrawn when it ends, closed or dropped;
     * since it was never available, it leaves no last activity behind (XEP-0012).
     */
    @Test
    void directedPresenceOfANeverAvailableSessionIsWithdrawnWhenItEnds() throws Exception {
        ImClient carol = online(newAccount("carol"), "desk", 0);
        for (boolean dropped : new boolean[] {false, true}) {
            ImClient bot = login(newAccount("bot"), "bot");
            bot.sendAndSync(PresenceBuilder.buildPresence().to(carol.jid()).build());
            carol.nextPresence(Presence.Type.available, bot.jid());
            EntityFullJid gone = bot.jid();
            if (dropped) {
                bot.kill();
            } else {
                bot.close();
            }
            carol.nextPresence(Presence.Type.unavailable, gone);
            assertTrue(server().storage().presence().lastActivity(gone.asEntityBareJid()).isEmpty(),
                    "never available, so never seen leaving");
        }
    }

    /** §4.4.2, §4.3.2: no subscription, no presence, and probes from strangers get nothing. */
    @Test
    void strangersLearnNothing() throws Exception {
        ImClient alice = online(newAccount("alice"), "desk", 0);
        ImClient carol = online(newAccount("carol"), "desk", 0);
        alice.sendAndSync(PresenceBuilder.buildPresence().setStatus("changed").build());
        carol.sendAndSync(PresenceBuilder.buildPresence().ofType(Presence.Type.probe).to(alice.bare()).build());
        assertNoPresence(alice, carol, p -> alice.bare().equals(p.getFrom().asBareJid()));
    }

    /** RFC 6121 §8.5.2.1.1 with changing presence: the highest non-negative priority gets bare-JID chats. */
    @Test
    void messagesFollowPriority() throws Exception {
        ImClient alice = online(newAccount("alice"), "desk", 0);
        String bobName = newAccount("bob");
        ImClient high = online(bobName, "high", 5);
        ImClient low = online(bobName, "low", 1);
        alice.chat(high.bare(), "one");
        assertEquals("one", high.nextMessage().getBody());

        high.available(-1);
        alice.chat(high.bare(), "two");
        Message two = low.nextMessage();
        assertEquals("two", two.getBody());
        assertTrue(high.messages().isEmpty(), "a negative priority gets no bare-JID messages");
    }

    /** The presence store knows who is online where, and when an account was last seen. */
    @Test
    void presenceStoreFollowsSessions() throws Exception {
        ImClient alice = online(newAccount("alice"), "desk", 4);
        PresenceStore store = server().storage().presence();
        Map<EntityFullJid, String> online = store.onlineResources(alice.bare());
        assertEquals(1, online.size());
        assertTrue(online.get(alice.jid()).contains("<priority>4</priority>"), online.toString());

        alice.sendAndSync(PresenceBuilder.buildPresence().ofType(Presence.Type.unavailable)
                .setStatus("bye").build());
        assertTrue(store.onlineResources(alice.bare()).isEmpty());
        assertEquals("bye", store.lastActivity(alice.bare()).orElseThrow().status());
    }
}
