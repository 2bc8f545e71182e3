package org.xmppd.pubsub;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.pep.PepManager;
import org.jivesoftware.smackx.pubsub.PayloadItem;
import org.jivesoftware.smackx.pubsub.SimplePayload;
import org.jxmpp.jid.BareJid;

/** PEP helpers: mutual presence subscriptions, +notify listeners, waiting for caps to reach the server. */
abstract class PepTestBase extends PubSubTestBase {
    /** A PEP event as a listener saw it. */
    record Event(BareJid from, String id, String payloadXml) {
    }

    /** Makes {@code a} and {@code b} subscribed to each other's presence (both). */
    static void befriend(XMPPTCPConnection a, XMPPTCPConnection b) throws Exception {
        Roster.getInstanceFor(a).setSubscriptionMode(Roster.SubscriptionMode.accept_all);
        Roster.getInstanceFor(b).setSubscriptionMode(Roster.SubscriptionMode.accept_all);
        Roster.getInstanceFor(a).createItemAndRequestSubscription(b.getUser().asBareJid(), null, null);
        waitFor(() -> sees(a, b), a.getUser() + " subscribed to " + b.getUser());
        Roster.getInstanceFor(b).createItemAndRequestSubscription(a.getUser().asBareJid(), null, null);
        waitFor(() -> sees(b, a) && sees(a, b), "mutual subscription");
    }

    private static boolean sees(XMPPTCPConnection a, XMPPTCPConnection b) {
        RosterEntry entry = Roster.getInstanceFor(a).getEntry(b.getUser().asBareJid());
        return entry != null && entry.canSeeHisPresence();
    }

    /** Listens to PEP events of {@code node} (announcing {@code node+notify} in caps). */
    static BlockingQueue<Event> listen(XMPPTCPConnection connection, String node) {
        // Smack hands PepManager listeners only payloads some provider parsed (Smack's registry is static).
        org.jivesoftware.smack.provider.ProviderManager.addExtensionProvider("data", node,
                new TestPayload.Provider());
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        PepManager.getInstanceFor(connection).addPepEventListener(node, ExtensionElement.class,
                (from, payload, id, message) -> events.add(new Event(from, id, payload.toXML().toString())));
        return events;
    }

    static Event nextEvent(BlockingQueue<Event> events) throws InterruptedException {
        Event event = events.poll(WAIT_MS, TimeUnit.MILLISECONDS);
        assertNotNull(event, "no PEP event arrived");
        return event;
    }

    /** Asserts nothing arrives within a short wait (used after the sender's later stanzas were processed). */
    static void assertNoEvent(BlockingQueue<Event> events) throws InterruptedException {
        assertNull(events.poll(500, TimeUnit.MILLISECONDS), "unexpected PEP event");
    }

    static PayloadItem<SimplePayload> payload(String id, String node, String text) {
        return new PayloadItem<>(id, new SimplePayload("<data xmlns='" + node + "'>" + text + "</data>"));
    }

    static StandardExtensionElement element(String node, String text) {
        return StandardExtensionElement.builder("data", node).setText(text).build();
    }

    /** Waits until the connection's own caps (with {@code node+notify}) are what its server knows. */
    static void awaitNotifyFeature(XMPPTCPConnection connection, String node) throws Exception {
        ServiceDiscoveryManager disco = ServiceDiscoveryManager.getInstanceFor(connection);
        waitFor(() -> disco.includesFeature(node + "+notify"), "+notify feature set");
        // The server learns the new caps from the presence Smack sends; a ping round trip orders us after it.
        org.jivesoftware.smackx.ping.PingManager.getInstanceFor(connection).pingMyServer();
        Thread.sleep(200); // the disco#info question and answer follow that presence
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static void waitFor(Condition condition, String what) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (!condition.holds()) {
            assertTrue(System.currentTimeMillis() < deadline, "timed out waiting for " + what);
            Thread.sleep(20);
        }
    }
}
