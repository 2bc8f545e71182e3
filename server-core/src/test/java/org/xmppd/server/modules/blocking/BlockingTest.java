package org.xmppd.server.modules.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.blocking.BlockingCommandManager;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.server.modules.ImClient;
import org.xmppd.server.modules.ImTestBase;
import org.xmppd.server.modules.RawIq;

/**
 * XEP-0191 blocking through the wire, with Smack's BlockingCommandManager; two and three accounts.
 * Runs per storage backend: blocking sends and withdraws presence by the roster's subscriptions.
 */
public abstract class BlockingTest extends ImTestBase {
    private static BlockingCommandManager blocking(ImClient client) {
        return BlockingCommandManager.getInstanceFor(client.connection());
    }

    @Test
    void changesArePushedToTheResourcesThatRetrievedTheList() throws Exception {
        String alice = newAccount("alice");
        ImClient bob = login(newAccount("bob"), "b");
        ImClient a1 = login(alice, "one");
        ImClient a2 = login(alice, "two");
        ImClient a3 = login(alice, "three");
        AtomicInteger pushesAt3 = new AtomicInteger();
        a3.connection().addStanzaListener(s -> pushesAt3.incrementAndGet(),
                s -> s instanceof IQ iq && iq.getType() == IQ.Type.set);
        assertEquals(List.of(), blocking(a1).getBlockList());
        assertEquals(List.of(), blocking(a2).getBlockList());
        BlockingQueue<List<Jid>> blockedAt2 = new LinkedBlockingQueue<>();
        BlockingQueue<List<Jid>> unblockedAt2 = new LinkedBlockingQueue<>();
        CountDownLatch allUnblockedAt2 = new CountDownLatch(1);
        blocking(a2).addJidsBlockedListener(blockedAt2::add);
        blocking(a2).addJidsUnblockedListener(unblockedAt2::add);
        blocking(a2).addAllJidsUnblockedListener(allUnblockedAt2::countDown);

        blocking(a1).blockContacts(List.of(bob.bare()));
        assertEquals(List.of(bob.bare()), blockedAt2.poll(ImClient.WAIT_MS, TimeUnit.MILLISECONDS));
        a3.sync();
        assertEquals(0, pushesAt3.get(), "a resource that never retrieved the list gets no push");
        assertEquals(List.of(bob.bare()), blocking(login(alice, "four")).getBlockList(), "stored");

        blocking(a1).unblockContacts(List.of(bob.bare()));
        assertEquals(List.of(bob.bare()), unblockedAt2.poll(ImClient.WAIT_MS, TimeUnit.MILLISECONDS));
        Jid domain = JidCreate.from("spam.example");
        blocking(a1).blockContacts(List.of(bob.bare(), domain));
        assertEquals(List.of(bob.bare(), domain), blockedAt2.poll(ImClient.WAIT_MS, TimeUnit.MILLISECONDS));
        blocking(a1).unblockAll();
        assertTrue(allUnblockedAt2.await(ImClient.WAIT_MS, TimeUnit.MILLISECONDS));
        assertEquals(List.of(), blocking(login(alice, "five")).getBlockList());
    }

    @Test
    void aBlockedContactFindsTheAccountOfflineAndTheAccountCannotReachIt() throws Exception {
        ImClient a = login(newAccount("alice"), "a");
        ImClient bob = login(newAccount("bob"), "b");
        ImClient carol = login(newAccount("carol"), "c");
        blocking(a).blockContacts(List.of(bob.bare()));

        bob.chat(a.jid(), "hello?");
        Message bounced = bob.nextMessage();
        assertEquals(StanzaError.Condition.service_unavailable, bounced.getError().getCondition());
        assertEquals(StanzaError.Condition.service_unavailable, RawIq.errorOf(bob.connection(),
                new RawIq(IQ.Type.get, a.jid(), "query", "jabber:iq:version", "")).getCondition());
        assertEquals(StanzaError.Condition.service_unavailable, RawIq.errorOf(bob.connection(),
                new RawIq(IQ.Type.get, a.bare(), "vCard", "vcard-temp", "")).getCondition());
        carol.chat(a.jid(), "carol is not blocked");
        assertEquals("carol is not blocked", a.nextMessage().getBody(), "bob's message never arrived first");

        a.chat(bob.jid(), "you are blocked");
        Message refused = a.nextMessage();
        assertEquals(StanzaError.Condition.not_acceptable, refused.getError().getCondition());
        assertNotNull(refused.getError().getExtension("blocked", BlockingPolicy.ERRORS), refused.toXML().toString());
        StanzaError iqError = RawIq.errorOf(a.connection(),
                new RawIq(IQ.Type.get, bob.jid(), "query", "jabber:iq:version", ""));
        assertEquals(StanzaError.Condition.not_acceptable, iqError.getCondition());
        bob.sync();
        assertEquals(0, bob.messages().size(), "bob got nothing from alice");

        blocking(a).unblockContacts(List.of(bob.bare()));
        bob.chat(a.jid(), "better now");
        assertEquals("better now", a.nextMessage().getBody());
    }

    @Test
    void blockingSendsUnavailableAndUnblockingTheCurrentPresence() throws Exception {
        ImClient a = online(newAccount("alice"), "a", 0);
        ImClient bob = online(newAccount("bob"), "b", 0);
        subscribeBothWays(a, bob);
        blocking(a).blockContacts(List.of(bob.bare()));
        bob.nextPresence(Presence.Type.unavailable, a.jid());

        a.available(5);
        bob.sync();
        bob.available(3);
        a.sync();
        assertTrue(bob.presences().stream().noneMatch(p -> a.jid().equals(p.getFrom())), "alice looks offline");
        assertTrue(a.presences().stream().noneMatch(p -> bob.jid().equals(p.getFrom())), "bob is not heard");

        blocking(a).unblockContacts(List.of(bob.bare()));
        Presence back = bob.nextPresence(Presence.Type.available, a.jid());
        assertEquals(5, back.getPriority(), "the current presence");
    }

    @Test
    void malformedRequestsAndOtherUsersListsAreRefused() throws Exception {
        ImClient a = login(newAccount("alice"), "a");
        ImClient bob = login(newAccount("bob"), "b");
        assertEquals(StanzaError.Condition.bad_request, RawIq.errorOf(a.connection(),
                new RawIq(IQ.Type.set, null, "block", BlockingModule.NAMESPACE, "")).getCondition());
        assertEquals(StanzaError.Condition.bad_request, RawIq.errorOf(a.connection(),
                new RawIq(IQ.Type.set, null, "block", BlockingModule.NAMESPACE, "<item/>")).getCondition());
        assertEquals(StanzaError.Condition.jid_malformed, RawIq.errorOf(a.connection(), new RawIq(IQ.Type.set,
                null, "block", BlockingModule.NAMESPACE, "<item jid='@localhost'/>")).getCondition());
        assertEquals(StanzaError.Condition.forbidden, RawIq.errorOf(bob.connection(), new RawIq(IQ.Type.get,
                a.bare(), "blocklist", BlockingModule.NAMESPACE, "")).getCondition());
        assertEquals(List.of(), blocking(a).getBlockList(), "nothing was blocked");
        assertTrue(blocking(a).isSupportedByServer());
    }
}
