package org.xmppd.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.BlockingQueue;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.pep.PepManager;
import org.jivesoftware.smackx.pubsub.LeafNode;
import org.jivesoftware.smackx.pubsub.PubSubManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xmppd.server.TestServer;
import org.xmppd.server.modules.RawIq;

/** XEP-0163 PEP through the wire with Smack's PepManager: notifications by caps, last items, access, errors. */
class PepEndToEndTest extends PepTestBase {
    @RegisterExtension
    static final TestServer SERVER = newServer();

    @Override
    TestServer server() {
        return SERVER;
    }

    @Test
    void accountsAdvertisePep() throws Exception {
        XMPPTCPConnection alice = login("alice");
        assertTrue(PepManager.getInstanceFor(alice).isSupported());
        DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(alice).discoverInfo(alice.getUser().asBareJid());
        assertTrue(info.hasIdentity("pubsub", "pep"));
    }

    @Test
    void contactsWithNotifyGetNotificationsOthersDoNot() throws Exception {
        String node = "urn:test:pep:mood";
        XMPPTCPConnection alice = login("alice");
        XMPPTCPConnection bob = login("bob");
        XMPPTCPConnection carol = login("carol");
        XMPPTCPConnection stranger = login("stranger");
        befriend(alice, bob);
        befriend(alice, carol);
        BlockingQueue<Event> bobEvents = listen(bob, node);
        BlockingQueue<Event> strangerEvents = listen(stranger, node);
        BlockingQueue<Event> aliceEvents = listen(alice, node);
        awaitNotifyFeature(bob, node);
        awaitNotifyFeature(stranger, node);
        awaitNotifyFeature(alice, node);
        BlockingQueue<org.jivesoftware.smack.packet.Message> carolEvents = events(carol);

        PepManager.getInstanceFor(alice).publish(node, payload("m1", node, "happy"));
        Event event = nextEvent(bobEvents);
        assertEquals(alice.getUser().asBareJid(), event.from());
        assertEquals("m1", event.id());
        assertTrue(event.payloadXml().contains("happy"));
        assertEquals("m1", nextEvent(aliceEvents).id(), "the owner's own resource asked too");
        assertNoEvent(strangerEvents);
        assertEquals(null, carolEvents.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS),
                "a contact whose client did not ask gets nothing");
    }

    @Test
    void theLastItemComesWhenAClientStartsAskingAndWhenItComesOnline() throws Exception {
        String node = "urn:test:pep:tune";
        XMPPTCPConnection alice = login("alice");
        XMPPTCPConnection bob = login("bob");
        befriend(alice, bob);
        PepManager.getInstanceFor(alice).publish(node, payload("t1", node, "first song"));
        BlockingQueue<Event> bobEvents = listen(bob, node);
        Event last = nextEvent(bobEvents);
        assertEquals("t1", last.id(), "sent when bob's caps gained " + node + "+notify");

        XMPPTCPConnection bobAgain = SERVER.login(bob.getUser().getLocalpart().toString(),
                "pw-" + bob.getUser().getLocalpart(), "SCRAM-SHA-1");
        try {
            BlockingQueue<Event> secondResource = listen(bobAgain, node);
            assertEquals("t1", nextEvent(secondResource).id());
        } finally {
            bobAgain.disconnect();
        }
    }

    @Test
    void whitelistNodesStayWithTheOwner() throws Exception {
        String node = "urn:test:pep:private";
        XMPPTCPConnection alice = login("alice");
        XMPPTCPConnection bob = login("bob");
        befriend(alice, bob);
        BlockingQueue<Event> bobEvents = listen(bob, node);
        awaitNotifyFeature(bob, node);
        RawIq.resultOf(alice, publishWithOptions(node, "secret", "whitelist"));
        assertNoEvent(bobEvents);
        LeafNode bobsView = new PubSubAccess(bob, alice).node(node);
        hasSpecific(fails(StanzaError.Condition.not_allowed, bobsView::getItems), "closed-node");
        hasSpecific(fails(StanzaError.Condition.conflict,
                () -> RawIq.resultOf(alice, publishWithOptions(node, "again", "presence"))), "precondition-not-met");
        assertEquals(1, new PubSubAccess(alice, alice).node(node).getItems().size());
    }

    @Test
    void errorsAndDisco() throws Exception {
        String node = "urn:test:pep:disco";
        XMPPTCPConnection alice = login("alice");
        XMPPTCPConnection bob = login("bob");
        XMPPTCPConnection stranger = login("stranger");
        befriend(alice, bob);
        PepManager.getInstanceFor(alice).publish(node, payload("d1", node, "visible"));
        fails(StanzaError.Condition.forbidden, () -> RawIq.resultOf(bob, new RawIq(IQ.Type.set,
                alice.getUser().asBareJid(), "pubsub", "http://jabber.org/protocol/pubsub",
                "<publish node='" + node + "'><item><data xmlns='" + node + "'/></item></publish>")));
        fails(StanzaError.Condition.item_not_found, () -> new PubSubAccess(bob, alice).node("urn:test:none").getItems());
        DiscoverItems items = ServiceDiscoveryManager.getInstanceFor(bob).discoverItems(alice.getUser().asBareJid());
        assertTrue(items.getItems().stream().anyMatch(i -> node.equals(i.getNode())), items.toXML().toString());
        DiscoverItems hidden = ServiceDiscoveryManager.getInstanceFor(stranger)
                .discoverItems(alice.getUser().asBareJid());
        assertTrue(hidden.getItems().isEmpty(), "presence access hides the node from strangers");
        assertEquals(List.of("d1"), new PubSubAccess(bob, alice).node(node).getItems().stream()
                .map(i -> i.getId()).toList());
        hasSpecific(fails(StanzaError.Condition.not_authorized,
                () -> new PubSubAccess(stranger, alice).node(node).getItems()), "presence-subscription-required");
    }

    /** A publish to the own PEP service with publish-options asking for {@code access}. */
    static RawIq publishWithOptions(String node, String text, String access) {
        return new RawIq(IQ.Type.set, null, "pubsub", "http://jabber.org/protocol/pubsub",
                "<publish node='" + node + "'><item id='current'><data xmlns='" + node + "'>" + text
                + "</data></item></publish><publish-options><x xmlns='jabber:x:data' type='submit'>"
                + "<field var='FORM_TYPE' type='hidden'><value>http://jabber.org/protocol/pubsub#publish-options</value></field>"
                + "<field var='pubsub#access_model'><value>" + access + "</value></field></x></publish-options>");
    }

    /** Another account's PEP nodes seen through Smack's PubSubManager. */
    record PubSubAccess(XMPPTCPConnection viewer, XMPPTCPConnection owner) {
        LeafNode node(String name) throws Exception {
            return PubSubManager.getInstanceFor(viewer, owner.getUser().asBareJid()).getLeafNode(name);
        }
    }
}
