package org.xmppd.server.modules.messenger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.AbstractRosterListener;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.RosterListener;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.xmppd.server.modules.ImClient;
import org.xmppd.server.modules.ImTestBase;

/**
 * The seed messenger features on RFC 6121, as a Smack client shows them: a contact list (1) with
 * online/offline status (2), one-to-one chat (3, 4) in chronological order (5). Three accounts;
 * runs per storage backend.
 */
public abstract class MessengerTest extends ImTestBase {
    private static final int BURST = 200;

    /** Features 1 and 2: the roster lists the contacts, and Smack's roster shows who is online. */
    @Test
    void contactListShowsWhoIsOnline() throws Exception {
        String aliceName = newAccount("alice");
        ImClient alice = online(aliceName, "desk", 0);
        ImClient bob = online(newAccount("bob"), "desk", 0);
        ImClient carol = online(newAccount("carol"), "desk", 0);
        subscribeBothWays(alice, bob);
        subscribeBothWays(alice, carol);
        BareJid carolJid = carol.bare();
        carol.close();
        alice.nextPresence(Presence.Type.unavailable, carol.jid());

        Roster roster = alice.roster();
        Set<BareJid> contacts = roster.getEntries().stream().map(RosterEntry::getJid).collect(Collectors.toSet());
        assertEquals(Set.of(bob.bare(), carolJid), contacts);
        assertTrue(awaitShown(roster, bob.bare(), true), "bob online");
        assertTrue(awaitShown(roster, carolJid, false), "carol offline");

        // A fresh login sees the same list and statuses (roster fetch, then probes).
        alice.close();
        ImClient again = online(aliceName, "laptop", 0);
        again.nextPresence(Presence.Type.available, bob.jid());
        Roster fresh = again.roster();
        assertEquals(contacts, fresh.getEntries().stream().map(RosterEntry::getJid).collect(Collectors.toSet()));
        assertTrue(awaitShown(fresh, bob.bare(), true), "bob online after re-login");
        assertFalse(fresh.getPresence(carolJid).isAvailable(), "carol still offline");
    }

    /** Features 3-5: a conversation both ways, each side's messages arriving in the order sent. */
    @Test
    void chatArrivesInChronologicalOrderBothWays() throws Exception {
        ImClient alice = online(newAccount("alice"), "desk", 0);
        ImClient bob = online(newAccount("bob"), "desk", 0);
        subscribeBothWays(alice, bob);
        Thread bobTalks = new Thread(() -> sendBurst(bob, alice, "bob"));
        bobTalks.start();
        sendBurst(alice, bob, "alice");
        bobTalks.join();

        assertEquals(expected("alice"), received(bob), "alice's messages at bob, in order");
        assertEquals(expected("bob"), received(alice), "bob's messages at alice, in order");
    }

    /**
     * Whether Smack's roster shows {@code contact} as {@code available} within the wait: the
     * roster handles presence on its own listener, after the test's queue may have seen it.
     */
    private static boolean awaitShown(Roster roster, BareJid contact, boolean available) throws InterruptedException {
        BlockingQueue<Presence> changes = new LinkedBlockingQueue<>();
        RosterListener listener = new AbstractRosterListener() {
            @Override
            public void presenceChanged(Presence presence) {
                changes.add(presence);
            }
        };
        roster.addRosterListener(listener);
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ImClient.WAIT_MS);
            while (roster.getPresence(contact).isAvailable() != available) {
                if (changes.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS) == null) {
                    return false;
                }
            }
            return true;
        } finally {
            roster.removeRosterListener(listener);
        }
    }

    private static void sendBurst(ImClient from, ImClient to, String name) {
        try {
            for (int i = 0; i < BURST; i++) {
                from.chat(i % 2 == 0 ? to.bare() : to.jid(), name + " " + i); // bare and full JIDs alike
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> expected(String name) {
        return IntStream.range(0, BURST).mapToObj(i -> name + " " + i).toList();
    }

    private static List<String> received(ImClient client) throws InterruptedException {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            bodies.add(client.nextMessage().getBody());
        }
        return bodies;
    }
}
