package org.xmppd.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.jivesoftware.smackx.pubsub.ItemReply;
import org.jivesoftware.smackx.pubsub.LeafNode;
import org.jivesoftware.smackx.pubsub.PublishModel;
import org.jivesoftware.smackx.pubsub.form.FillableConfigureForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xmppd.server.TestServer;
import org.xmppd.server.modules.RawIq;

/**
 * Node options through the wire: {@code pubsub#itemreply} (the publisher on items, XEP-0060
 * §7.1.2.1), {@code pubsub#notify_sub} (owners hear of subscriptions) and
 * {@code pubsub#presence_based_delivery} (notifications only to online subscribers).
 */
class NodeOptionsEndToEndTest extends PubSubTestBase {
    @RegisterExtension
    static final TestServer SERVER = newServer();

    static {
        // Smack 4.5 knows <subscription/> in pubsub#event (XEP-0060's event schema) by no provider, and
        // a connection reading one ends on a ClassCastException: lend it the pubsub namespace's parser.
        org.jivesoftware.smack.provider.ProviderManager.addExtensionProvider("subscription",
                "http://jabber.org/protocol/pubsub#event", new org.jivesoftware.smackx.pubsub.provider
                        .SubscriptionProvider());
    }

    @Override
    TestServer server() {
        return SERVER;
    }

    private static LeafNode create(XMPPTCPConnection owner, String prefix, FillableConfigureForm form)
            throws Exception {
        return (LeafNode) pubsub(owner).createNode(prefix + "-" + owner.getUser().getLocalpart(), form);
    }

    private static FillableConfigureForm form(XMPPTCPConnection owner) throws Exception {
        return pubsub(owner).getDefaultConfiguration().getFillableForm();
    }

    /** The text from the last {@code <message} or {@code <iq} before {@code needle} on. */
    private static String after(String wire, String needle) {
        int at = wire.lastIndexOf(needle);
        return wire.substring(Math.max(wire.lastIndexOf("<message", at), wire.lastIndexOf("<iq", at)));
    }

    @Test
    void itemReplyPublisherNamesThePublishersBareJidOnNotificationsAndItems() throws Exception {
        XMPPTCPConnection alice = login("alice");
        WireLog[] bobWire = new WireLog[1];
        XMPPTCPConnection bob = loginLogged("bob", bobWire);
        XMPPTCPConnection carol = login("carol");
        FillableConfigureForm form = form(alice);
        form.setItemReply(ItemReply.publisher);
        form.setPublishModel(PublishModel.open);
        LeafNode node = create(alice, "replies", form);
        BlockingQueue<Message> bobEvents = events(bob);
        pubsub(bob).getLeafNode(node.getId()).subscribe(bob.getUser().asBareJid());
        pubsub(carol).getLeafNode(node.getId()).publish(entry("c1", "from carol"));
        assertTrue(nextXml(bobEvents).contains("from carol"));
        // Smack's items drop the attribute: read the message as the server wrote it.
        String wire = bobWire[0].await("from carol");
        String event = wire.substring(wire.lastIndexOf("<message", wire.indexOf("from carol")));
        assertTrue(event.contains("publisher=\"" + carol.getUser().asBareJid() + "\""), event);
        assertFalse(event.contains(carol.getUser().toString()), "the bare JID, not the resource: " + event);
        RawIq retrieval = new RawIq(IQ.Type.get, SERVICE, "pubsub", "http://jabber.org/protocol/pubsub",
                "<items node='" + node.getId() + "'/>");
        RawIq.resultOf(bob, retrieval);
        String items = after(bobWire[0].await(retrieval.getStanzaId()), retrieval.getStanzaId());
        assertTrue(items.contains("publisher=\"" + carol.getUser().asBareJid() + "\""), items);
        assertEquals(ItemReply.publisher, node.getNodeConfiguration().getItemReply());

        LeafNode plain = pubsub(alice).createNode("plain-" + alice.getUser().getLocalpart());
        pubsub(bob).getLeafNode(plain.getId()).subscribe(bob.getUser().asBareJid());
        plain.publish(entry("p1", "no publisher"));
        String quiet = nextXml(bobEvents);
        assertTrue(quiet.contains("p1") && !quiet.contains("publisher="), "itemreply owner is the default: " + quiet);
    }

    @Test
    void aBadItemReplyValueIsNotAcceptable() throws Exception {
        XMPPTCPConnection alice = login("alice");
        LeafNode node = pubsub(alice).createNode("bad-reply-" + alice.getUser().getLocalpart());
        fails(StanzaError.Condition.not_acceptable, () -> RawIq.resultOf(alice, new RawIq(IQ.Type.set, SERVICE,
                "pubsub", "http://jabber.org/protocol/pubsub#owner", "<configure node='" + node.getId() + "'>"
                + "<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE' type='hidden'>"
                + "<value>http://jabber.org/protocol/pubsub#node_config</value></field>"
                + "<field var='pubsub#itemreply'><value>everyone</value></field></x></configure>")));
        assertEquals(ItemReply.owner, node.getNodeConfiguration().getItemReply(), "nothing changed");
    }

    @Test
    void notifySubTellsOwnersOfSubscriptionsAndUnsubscriptions() throws Exception {
        WireLog[] aliceWire = new WireLog[1];
        XMPPTCPConnection alice = loginLogged("alice", aliceWire);
        XMPPTCPConnection bob = login("bob");
        FillableConfigureForm form = form(alice);
        form.setAnswer("pubsub#notify_sub", true);
        LeafNode node = create(alice, "watched", form);
        BlockingQueue<Message> aliceEvents = events(alice);
        LeafNode bobsView = pubsub(bob).getLeafNode(node.getId());
        bobsView.subscribe(bob.getUser().asBareJid());
        // Smack parses such events into nothing useful: read them as the server wrote them.
        String bobJid = "jid=\"" + bob.getUser().asBareJid() + "\"";
        String subscribed = after(aliceWire[0].await("subscription=\"subscribed\""), "subscription=\"subscribed\"");
        assertTrue(subscribed.contains("<event") && subscribed.contains(bobJid)
                && subscribed.contains("node=\"" + node.getId() + "\""), subscribed);
        bobsView.unsubscribe(bob.getUser().asBareJid().toString());
        String gone = after(aliceWire[0].await("subscription=\"none\""), "subscription=\"none\"");
        assertTrue(gone.contains("<event") && gone.contains(bobJid), gone);

        next(aliceEvents);
        next(aliceEvents); // the two notices, as Smack saw them
        LeafNode silent = pubsub(alice).createNode("silent-" + alice.getUser().getLocalpart());
        pubsub(bob).getLeafNode(silent.getId()).subscribe(bob.getUser().asBareJid());
        assertNull(aliceEvents.poll(500, TimeUnit.MILLISECONDS), "notify_sub is off by default");
    }

    @Test
    void presenceBasedDeliverySkipsSubscribersWhoAreNotOnline() throws Exception {
        XMPPTCPConnection alice = login("alice");
        XMPPTCPConnection bob = login("bob");
        XMPPTCPConnection carol = login("carol");
        FillableConfigureForm form = form(alice);
        form.setPresenceBasedDelivery(true);
        LeafNode node = create(alice, "online", form);
        BlockingQueue<Message> bobEvents = events(bob);
        BlockingQueue<Message> carolEvents = events(carol);
        // A full JID subscription: without the option, the message would reach bob's resource anyway.
        pubsub(bob).getLeafNode(node.getId()).subscribe(bob.getUser());
        pubsub(carol).getLeafNode(node.getId()).subscribe(carol.getUser().asBareJid());
        bob.sendStanza(bob.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.unavailable).build());
        PingManager.getInstanceFor(bob).pingMyServer(); // the server has seen the presence
        node.publish(entry("n1", "while bob is away"));
        assertTrue(nextXml(carolEvents).contains("n1"));
        assertNull(bobEvents.poll(500, TimeUnit.MILLISECONDS), "bob is not available");
        bob.sendStanza(bob.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.available).build());
        PingManager.getInstanceFor(bob).pingMyServer();
        node.publish(entry("n2", "bob is back"));
        assertTrue(nextXml(bobEvents).contains("n2"));
        assertTrue(form(alice).isPresenceBasedDelivery() == false, "off by default");
        assertTrue(node.getNodeConfiguration().isPresenceBasedDelivery());
        assertEquals(List.of(), List.copyOf(bobEvents));
    }
}
