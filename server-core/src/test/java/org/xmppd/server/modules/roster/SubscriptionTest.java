package org.xmppd.server.modules.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Collectors;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.roster.packet.RosterPacket.ItemType;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.xmppd.server.modules.ImClient;
import org.xmppd.server.modules.ImTestBase;

/** RFC 6121 §3 subscription handshakes between local accounts; runs per storage backend. */
public abstract class SubscriptionTest extends ImTestBase {

    /** §3.1: a request approved both ways leaves both items at "both". */
    @Test
    void mutualSubscriptionEndsAsBoth() throws Exception {
        ImClient alice = online(newAccount("alice"), "desk", 0);
        ImClient bob = online(newAccount("bob"), "desk", 0);
        subscribe(alice, bob);
        assertEquals(ItemType.to, type(alice, bob.bare()));
        assertEquals(ItemType.from, type(bob, alice.bare()));

        subscribe(bob, alice);
        assertEquals(ItemType.both, type(alice, bob.bare()));
        assertEquals(ItemType.both, type(bob, alice.bare()));
        assertTrue(alice.roster().iAmSubscribedTo(bob.bare()));
        assertTrue(alice.roster().isSubscribedToMyPresence(bob.bare()));
    }

    /** §3.2: a denied request leaves the requester with "none" and the contact without an item. */
    @Test
    void deniedRequest() throws Exception {
        ImClient alice = online(newAccount("alice"), "desk", 0);
        ImClient bob = online(newAccount("bob"), "desk", 0);
        alice.subscription(Presence.Type.subscribe, bob.bare());
        assertTrue(alice.nextPush(bob.bare()).isSubscriptionPending());
        bob.nextPresence(Presence.Type.subscribe, alice.bare());

        bob.subscription(Presence.Type.unsubscribed, alice.bare());
        alice.nextPresence(Presence.Type.unsubscribed, bob.bare());
        RosterPacket.Item item = alice.nextPush(bob.bare());
        assertEquals(ItemType.none, item.getItemType());
        assertFalse(item.isSubscriptionPending());
        assertFalse(rosterOf(bob).containsKey(alice.bare()), "the contact's roster was never touched");
    }

    /** §3.3: the subscriber cancels; both sides go back to none and the subscriber sees the contact leave. */
    @Test
    void subscriberUnsubscribes() throws Exception {
        ImClient alice = online(newAccount("alice"), "desk", 0);
        ImClient bob = online(newAccount("bob"), "desk", 0);
        subscribe(alice, bob);

        alice.subscription(Presence.Type.unsubscribe, bob.bare());
        assertEquals(ItemType.none, alice.nextPush(bob.bare()).getItemType());
        bob.nextPresence(Presence.Type.unsubscribe, alice.bare());
        assertEquals(ItemType.none, bob.nextPush(alice.bare()).getItemType());
        alice.nextPresence(Presence.Type.unavailable, bob.jid());
    }

    /** §3.2.2: the contact cancels the subscription it granted; the subscriber is told and sees it leave. */
    @Test
    void contactRevokesSubscription() throws Exception {
        ImClient alice = online(newAccount("alice"), "desk", 0);
        ImClient bob = online(newAccount("bob"), "desk", 0);
        subscribe(alice, bob);

        bob.subscription(Presence.Type.unsubscribed, alice.bare());
        assertEquals(ItemType.none, bob.nextPush(alice.bare()).getItemType());
        alice.nextPresence(Presence.Type.unsubscribed, bob.bare());
        assertEquals(ItemType.none, alice.nextPush(bob.bare()).getItemType());
        alice.nextPresence(Presence.Type.unavailable, bob.jid());
    }

    /** §3.4: a pre-approved request is granted at once and never shown to the contact. */
    @Test
    void preApproval() throws Exception {
        ImClient alice = online(newAccount("alice"), "desk", 0);
        ImClient bob = online(newAccount("bob"), "desk", 0);
        bob.subscription(Presence.Type.subscribed, alice.bare());
        RosterPacket.Item approved = bob.nextPush(alice.bare());
        assertTrue(approved.isApproved());
        assertEquals(ItemType.none, approved.getItemType());

        alice.subscription(Presence.Type.subscribe, bob.bare());
        alice.nextPresence(Presence.Type.subscribed, bob.bare());
        assertEquals(ItemType.to, type(alice, bob.bare()));
        alice.nextPresence(Presence.Type.available, bob.jid());
        RosterPacket.Item granted = bob.nextPush(alice.bare());
        assertEquals(ItemType.from, granted.getItemType());
        assertFalse(granted.isApproved());
        assertNoPresence(alice, bob, p -> p.getType() == Presence.Type.subscribe);
    }

    /** §3.1.3: a request to an offline contact waits and is delivered after the next initial presence. */
    @Test
    void requestToOfflineContactIsDeliveredAtNextLogin() throws Exception {
        ImClient alice = online(newAccount("alice"), "desk", 0);
        String bobName = newAccount("bob");
        BareJid bob = org.jxmpp.jid.impl.JidCreate.bareFrom(bobName + "@localhost");
        alice.subscription(Presence.Type.subscribe, bob);
        assertTrue(alice.nextPush(bob).isSubscriptionPending());

        ImClient bobDesk = login(bobName, "desk");
        bobDesk.available(0);
        Presence request = bobDesk.nextPresence(Presence.Type.subscribe, alice.bare());
        assertEquals(bobDesk.bare(), request.getTo().asBareJid());

        bobDesk.subscription(Presence.Type.subscribed, alice.bare());
        alice.nextPresence(Presence.Type.subscribed, bob);
        assertEquals(ItemType.to, type(alice, bob));
        alice.nextPresence(Presence.Type.available, bobDesk.jid());

        bobDesk.close();
        ImClient bobAgain = online(bobName, "desk", 0);
        assertNoPresence(alice, bobAgain, p -> p.getType() == Presence.Type.subscribe);
    }

    /**
     * §3.1.3: an unanswered request is delivered again at every login until the contact answers;
     * a denial (§3.2) ends it, and the requester is left with "none".
     */
    @Test
    void unansweredRequestIsDeliveredAtEveryLoginUntilDenied() throws Exception {
        ImClient alice = online(newAccount("alice"), "desk", 0);
        String bobName = newAccount("bob");
        BareJid bob = org.jxmpp.jid.impl.JidCreate.bareFrom(bobName + "@localhost");
        alice.subscription(Presence.Type.subscribe, bob);
        alice.nextPush(bob);

        for (String resource : new String[] {"desk", "phone"}) {
            ImClient bobClient = online(bobName, resource, 0);
            bobClient.nextPresence(Presence.Type.subscribe, alice.bare());
            bobClient.close();
        }
        ImClient bobAgain = online(bobName, "laptop", 0);
        bobAgain.nextPresence(Presence.Type.subscribe, alice.bare());
        bobAgain.subscription(Presence.Type.unsubscribed, alice.bare());
        alice.nextPresence(Presence.Type.unsubscribed, bob);
        assertEquals(ItemType.none, type(alice, bob));
        bobAgain.close();

        ImClient bobLast = online(bobName, "desk", 0);
        assertNoPresence(alice, bobLast, p -> p.getType() == Presence.Type.subscribe);
    }

    /** §2.5.2: removing an item cancels both subscriptions, and the contact's server hears of it. */
    @Test
    void removingAnItemUnsubscribesBothWays() throws Exception {
        ImClient alice = online(newAccount("alice"), "desk", 0);
        ImClient bob = online(newAccount("bob"), "desk", 0);
        subscribe(alice, bob);
        subscribe(bob, alice);

        alice.roster().removeEntry(alice.roster().getEntry(bob.bare()));
        assertEquals(ItemType.remove, alice.nextPush(bob.bare()).getItemType());
        bob.nextPresence(Presence.Type.unavailable, alice.jid());
        assertEquals(ItemType.none, type(bob, alice.bare()));
        assertFalse(rosterOf(alice).containsKey(bob.bare()));
    }

    // --- helpers -------------------------------------------------------------------------------

    private static ItemType type(ImClient owner, BareJid contact) throws Exception {
        RosterPacket.Item item = rosterOf(owner).get(contact);
        return item == null ? null : item.getItemType();
    }

    private static Map<BareJid, RosterPacket.Item> rosterOf(ImClient owner) throws Exception {
        RosterPacket roster = owner.connection().sendIqRequestAndWaitForResponse(new RosterPacket());
        return roster.getRosterItems().stream().collect(Collectors.toMap(RosterPacket.Item::getJid, i -> i));
    }
}
