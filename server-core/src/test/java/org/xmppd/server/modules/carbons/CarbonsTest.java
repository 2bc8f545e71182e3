package org.xmppd.server.modules.carbons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.carbons.CarbonManager;
import org.jivesoftware.smackx.carbons.packet.CarbonExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.server.TestServer;
import org.xmppd.server.modules.ImClient;
import org.xmppd.server.modules.ImTestBase;
import org.xmppd.server.modules.RawIq;

/** XEP-0280 message carbons through the wire, with Smack's CarbonManager; three resources and a contact. */
class CarbonsTest extends ImTestBase {
    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    /** A copy as Smack's CarbonManager hands it over. */
    private record Copy(CarbonExtension.Direction direction, Message original, Message wrapper) {
    }

    @Override
    protected TestServer server() {
        return SERVER;
    }

    private static BlockingQueue<Copy> enableCarbons(ImClient client) throws Exception {
        BlockingQueue<Copy> copies = new LinkedBlockingQueue<>();
        CarbonManager manager = CarbonManager.getInstanceFor(client.connection());
        manager.addCarbonCopyReceivedListener((direction, original, wrapper) ->
                copies.add(new Copy(direction, original, wrapper)));
        manager.enableCarbons();
        assertTrue(manager.getCarbonsEnabled());
        return copies;
    }

    /** Counts every carbon reaching {@code client}, also when its CarbonManager is off. */
    private static AtomicInteger countCarbons(ImClient client) {
        AtomicInteger count = new AtomicInteger();
        client.connection().addStanzaListener(s -> count.incrementAndGet(), s -> s instanceof Message m
                && (m.hasExtension("sent", CarbonsModule.NAMESPACE) || m.hasExtension("received", CarbonsModule.NAMESPACE)));
        return count;
    }

    private static Copy next(BlockingQueue<Copy> copies) throws InterruptedException {
        Copy copy = copies.poll(ImClient.WAIT_MS, TimeUnit.MILLISECONDS);
        assertNotNull(copy, "no carbon copy arrived");
        return copy;
    }

    private static Message chat(Jid to, String body) {
        return MessageBuilder.buildMessage().to(to).ofType(Message.Type.chat).setBody(body).build();
    }

    @Test
    void copiesReachTheOtherEnabledResourcesOnly() throws Exception {
        String alice = newAccount("alice");
        ImClient a1 = online(alice, "one", 1);
        ImClient a2 = online(alice, "two", 0);
        ImClient a3 = online(alice, "three", 0);
        ImClient bob = online(newAccount("bob"), "b", 0);
        BlockingQueue<Copy> at1 = enableCarbons(a1);
        BlockingQueue<Copy> at2 = enableCarbons(a2);
        AtomicInteger at3 = countCarbons(a3);

        bob.sendAndSync(chat(a1.jid(), "to one"));
        assertEquals("to one", a1.nextMessage().getBody());
        Copy received = next(at2);
        assertEquals(CarbonExtension.Direction.received, received.direction());
        assertEquals("to one", received.original().getBody());
        assertEquals(bob.jid(), received.original().getFrom());
        assertEquals(a1.jid(), received.original().getTo());
        assertEquals(a2.bare(), received.wrapper().getFrom(), "copies come from the account's bare JID");

        a1.sendAndSync(chat(bob.jid(), "from one"));
        assertEquals("from one", bob.nextMessage().getBody());
        Copy sent = next(at2);
        assertEquals(CarbonExtension.Direction.sent, sent.direction());
        assertEquals("from one", sent.original().getBody());
        assertEquals(bob.jid(), sent.original().getTo());

        a3.sendAndSync(chat(bob.jid(), "from three, carbons off"));
        assertEquals("from three, carbons off", next(at1).original().getBody(), "copied whatever the sender's setting");
        assertEquals("from three, carbons off", next(at2).original().getBody());

        a1.sync();
        a3.sync();
        assertNull(at1.poll(), "the receiver and the sender get no copy of their own");
        assertEquals(0, at3.get(), "a resource without carbons gets none");
    }

    @Test
    void aMessageToTheBareJidIsCopiedToEnabledResourcesThatDidNotGetIt() throws Exception {
        String alice = newAccount("alice");
        ImClient top = online(alice, "top", 5);
        ImClient low = online(alice, "low", 0);
        ImClient same = online(alice, "same", 5);
        BlockingQueue<Copy> atLow = enableCarbons(low);
        BlockingQueue<Copy> atSame = enableCarbons(same);
        ImClient bob = online(newAccount("bob"), "b", 0);

        bob.sendAndSync(chat(top.bare(), "to the account"));
        assertEquals("to the account", top.nextMessage().getBody());
        assertEquals("to the account", same.nextMessage().getBody(), "RFC 6121 §8.5.2.1.1: all top resources");
        assertEquals("to the account", next(atLow).original().getBody());
        same.sync();
        assertNull(atSame.poll(), "a resource that got the original gets no copy");
    }

    @Test
    void privateNoCopyAndNonImMessagesAreNotCopied() throws Exception {
        String alice = newAccount("alice");
        ImClient a1 = online(alice, "one", 0);
        ImClient a2 = online(alice, "two", 0);
        BlockingQueue<Copy> at2 = enableCarbons(a2);
        ImClient bob = online(newAccount("bob"), "b", 0);
        // Smack (with assertions on) cannot parse unknown payloads such as <private/>: those go offline.
        Jid offline = JidCreate.entityBareFrom(newAccount("carol") + "@" + TestServer.DOMAIN);

        a1.sendAndSync(MessageBuilder.buildMessage().to(offline).ofType(Message.Type.chat).setBody("private")
                .addExtension(StandardExtensionElement.builder("private", CarbonsModule.NAMESPACE).build()).build());
        a1.sendAndSync(MessageBuilder.buildMessage().to(offline).ofType(Message.Type.chat).setBody("hinted")
                .addExtension(StandardExtensionElement.builder("no-copy", "urn:xmpp:hints").build()).build());
        a1.sendAndSync(MessageBuilder.buildMessage().to(bob.jid()).ofType(Message.Type.headline)
                .setBody("headline").build());
        a1.sendAndSync(MessageBuilder.buildMessage().to(bob.jid()).ofType(Message.Type.normal)
                .setBody("normal with body").build());
        assertEquals("normal with body", next(at2).original().getBody(), "the earlier ones were not copied");

        a1.sendAndSync(MessageBuilder.buildMessage().to(bob.jid()).ofType(Message.Type.normal)
                .addExtension(StandardExtensionElement.builder("active", "http://jabber.org/protocol/chatstates").build())
                .build());
        assertTrue(next(at2).original().hasExtension("active", "http://jabber.org/protocol/chatstates"),
                "chat states are instant messaging too");
    }

    @Test
    void disablingStopsCopiesAndOnlyTheOwnSessionMayBeSet() throws Exception {
        String alice = newAccount("alice");
        ImClient a1 = online(alice, "one", 0);
        ImClient a2 = online(alice, "two", 0);
        ImClient bob = online(newAccount("bob"), "b", 0);
        BlockingQueue<Copy> at2 = enableCarbons(a2);
        CarbonManager.getInstanceFor(a2.connection()).enableCarbons(); // §10.1: a repeated enable is no error
        CarbonManager.getInstanceFor(a2.connection()).disableCarbons();
        a1.sendAndSync(chat(bob.jid(), "not copied"));
        a2.sync();
        assertNull(at2.poll());

        StanzaError error = RawIq.errorOf(a1.connection(),
                new RawIq(IQ.Type.set, bob.bare(), "enable", CarbonsModule.NAMESPACE, ""));
        assertEquals(StanzaError.Condition.not_allowed, error.getCondition());
        assertTrue(CarbonManager.getInstanceFor(a1.connection()).isSupportedByServer());
    }
}
