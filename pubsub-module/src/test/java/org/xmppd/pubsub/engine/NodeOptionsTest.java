package org.xmppd.pubsub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;

/**
 * The engine's side of pubsub#itemreply, pubsub#notify_sub, pubsub#presence_based_delivery, the
 * PEP node limit and an account leaving the nodes it belonged to.
 */
class NodeOptionsTest extends EngineTestBase {
    private static final String ENTRY = "<entry xmlns='http://www.w3.org/2005/Atom'>hi</entry>";


    private static Map<String, List<String>> option(String field, String value) {
        return Map.of(field, List.of(value));
    }

    @Test
    void itemReplyIsConfiguredAndChecked() {
        service.create(alice, "n", option(NodeConfigFields.ITEM_REPLY, "publisher"));
        assertTrue(service.node("n").orElseThrow().config().namesPublisher());
        assertEquals(PubSubError.BAD_CONFIGURATION,
                service.configure(alice, "n", option(NodeConfigFields.ITEM_REPLY, "nobody")).error());
        fx.restart();
        assertTrue(service.node("n").orElseThrow().config().namesPublisher(), "kept in the store");
        assertFalse(NodeConfig.serviceDefaults(1).namesPublisher());
    }

    @Test
    void notifySubTellsTheOwnersButNotTheSubscriberItself() {
        service.create(alice, "n", option(NodeConfigFields.NOTIFY_SUB, "1"));
        List<Notification> subscribed = service.subscribe(bob, "n", bob.asBareJid(), Map.of()).notifications();
        Notification.SubscriberNotice notice = assertInstanceOf(Notification.SubscriberNotice.class,
                subscribed.get(0));
        assertEquals(List.of(alice.asBareJid()), notice.owners());
        assertEquals(SubscriptionState.SUBSCRIBED, notice.subscription().state());
        List<Notification> left = service.unsubscribe(bob, "n", bob.asBareJid(), null).notifications();
        assertEquals(SubscriptionState.NONE, assertInstanceOf(Notification.SubscriberNotice.class, left.get(0))
                .subscription().state());
        assertEquals(List.of(), service.subscribe(alice, "n", alice.asBareJid(), Map.of()).notifications(),
                "an owner subscribing hears nothing of itself");
        service.create(alice, "quiet", null);
        assertEquals(List.of(), service.subscribe(bob, "quiet", bob.asBareJid(), Map.of()).notifications());
    }

    @Test
    void presenceBasedDeliveryLeavesOutSubscribersWhoAreOffline() {
        service.create(alice, "n", option(NodeConfigFields.PRESENCE_BASED_DELIVERY, "true"));
        Jid carol = fx.jid("carol");
        service.subscribe(bob, "n", bob, Map.of());
        service.subscribe(carol, "n", carol, Map.of());
        fx.offline.add(bob);
        assertEquals(List.of(carol), recipients(service.publish(alice, "n", "1", ENTRY, true, null)));
        fx.offline.clear();
        assertEquals(2, recipients(service.publish(alice, "n", "2", ENTRY, true, null)).size());
        service.create(alice, "always", null);
        service.subscribe(bob, "always", bob, Map.of());
        fx.offline.add(bob);
        assertEquals(List.of(bob), recipients(service.publish(alice, "always", "1", ENTRY, true, null)));
    }

    private static List<Jid> recipients(Result<String> published) {
        return ((Notification.Published) published.notifications().get(0)).recipients().stream()
                .map(Recipient::jid).toList();
    }

    @Test
    void aPepAccountHoldsAtMostItsNodeLimit() {
        PubSubService pep = fx.pep("dave", 2);
        Jid dave = fx.jid("dave/phone");
        assertTrue(pep.publish(dave, "a", "1", ENTRY, true, null).isOk());
        assertTrue(pep.create(dave, "b", null).isOk());
        assertEquals(PubSubError.MAX_NODES_EXCEEDED, pep.publish(dave, "c", "1", ENTRY, true, null).error());
        assertEquals(PubSubError.MAX_NODES_EXCEEDED, pep.create(dave, "c", null).error());
        assertTrue(pep.publish(dave, "a", "2", ENTRY, true, null).isOk(), "existing nodes take items");
        pep.delete(dave, "b", null);
        assertTrue(pep.create(dave, "c", null).isOk(), "room again after a deletion");
    }

    @Test
    void aRemovedAccountLeavesNodesAndItsOwnNodesGo() {
        service.create(alice, "hers", null);
        service.create(bob, "shared", null);
        service.setAffiliations(bob, "shared", Map.of(alice.asBareJid(), Affiliation.OWNER));
        service.create(bob, "bobs", null);
        service.setAffiliations(bob, "bobs", Map.of(alice.asBareJid(), Affiliation.PUBLISHER));
        service.subscribe(alice, "bobs", alice, Map.of());
        service.subscribe(bob, "hers", bob.asBareJid(), Map.of());

        List<Notification> gone = service.removeEntity(alice.asBareJid(), "hers").notifications();
        assertInstanceOf(Notification.Deleted.class, gone.get(0), "a node she alone owned is deleted");
        assertTrue(service.node("hers").isEmpty());
        service.removeEntity(alice.asBareJid(), "shared");
        assertEquals(List.of(bob.asBareJid()), service.node("shared").orElseThrow().owners(), "bob still owns it");
        service.removeEntity(alice.asBareJid(), "bobs");
        NodeSnapshot bobs = service.node("bobs").orElseThrow();
        assertEquals(List.of(), bobs.subscriptions());
        assertFalse(bobs.affiliations().containsKey(alice.asBareJid()));
        fx.restart();
        assertEquals(List.of(), service.node("bobs").orElseThrow().subscriptions(), "also in the store");
        assertTrue(service.removeEntity(alice.asBareJid(), "no-such-node").isOk());
    }
}
