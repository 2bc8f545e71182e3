package org.xmppd.pubsub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

/** Node life cycle, publishing and items of the engine, in the spirit of Prosody's util_pubsub_spec. */
class PubSubServiceTest extends EngineTestBase {
    private static final String ENTRY = "<entry xmlns='http://www.w3.org/2005/Atom'>hi</entry>";

    @Override
    Predicate<BareJid> mayCreate() {
        return jid -> !jid.toString().startsWith("mallory");
    }

    @Test
    void createsNamedAndInstantNodesOnce() {
        assertEquals("news", service.create(alice, "news", null).value());
        assertEquals(PubSubError.NODE_EXISTS, service.create(bob, "news", null).error());
        String instant = service.create(alice, null, null).value();
        assertEquals("id1", instant);
        assertEquals(List.of("id1", "news"), service.visibleNodes(bob));
        assertEquals(PubSubError.FORBIDDEN, service.create(fx.jid("mallory"), "x", null).error());
        assertEquals(Map.of(alice.asBareJid(), Affiliation.OWNER), service.node("news").orElseThrow().affiliations());
    }

    @Test
    void createWithConfigurationAndReconfigure() {
        service.create(alice, "n", Map.of(NodeConfigFields.MAX_ITEMS, List.of("3"),
                NodeConfigFields.ACCESS_MODEL, List.of("whitelist"), NodeConfigFields.TITLE, List.of("Title")));
        NodeConfig config = service.configuration(alice, "n").value();
        assertEquals(3, config.maxItems());
        assertEquals(AccessModel.WHITELIST, config.accessModel());
        assertEquals("Title", config.title());
        assertEquals(PubSubError.FORBIDDEN, service.configuration(bob, "n").error());
        assertEquals(PubSubError.FORBIDDEN, service.configure(bob, "n", Map.of()).error());
        assertEquals(PubSubError.BAD_CONFIGURATION,
                service.configure(alice, "n", Map.of(NodeConfigFields.MAX_ITEMS, List.of("1000"))).error());
        assertEquals(PubSubError.BAD_CONFIGURATION,
                service.configure(alice, "n", Map.of(NodeConfigFields.ACCESS_MODEL, List.of("everyone"))).error());
        assertEquals(PubSubError.COLLECTIONS_UNSUPPORTED,
                service.create(alice, "c", Map.of(NodeConfigFields.NODE_TYPE, List.of("collection"))).error());
        assertEquals(100, service.configure(alice, "n", Map.of(NodeConfigFields.MAX_ITEMS, List.of("max")))
                .value().maxItems());
        assertEquals(PubSubError.NODE_NOT_FOUND, service.configure(alice, "none", Map.of()).error());
    }

    @Test
    void publishGeneratesIdsAndNotifiesSubscribers() {
        service.create(alice, "n", null);
        Subscription sub = service.subscribe(bob, "n", bob, Map.of()).value();
        Result<String> published = service.publish(alice, "n", null, ENTRY, true, null);
        String id = published.value();
        assertTrue(id.startsWith("id"));
        Notification.Published event = assertInstanceOf(Notification.Published.class,
                published.notifications().get(0));
        assertEquals(List.of(new Recipient(bob, sub.subid())), event.recipients());
        assertEquals(ENTRY, event.items().get(0).payload());
        assertEquals("given", service.publish(alice, "n", "given", ENTRY, true, null).value());
        assertEquals(List.of("given", id), ids(service.items(bob, "n", List.of(), 0).value()));
    }

    @Test
    void maxItemsKeepsTheNewest() {
        service.create(alice, "n", Map.of(NodeConfigFields.MAX_ITEMS, List.of("2")));
        for (String id : List.of("a", "b", "c")) {
            service.publish(alice, "n", id, ENTRY, true, null);
        }
        assertEquals(List.of("c", "b"), ids(service.items(alice, "n", List.of(), 0).value()));
        assertEquals(List.of("c"), ids(service.items(alice, "n", List.of(), 1).value()));
        assertEquals(List.of("b"), ids(service.items(alice, "n", List.of("b", "zzz"), 0).value()));
        assertEquals(PubSubError.ITEM_NOT_FOUND, service.items(alice, "n", List.of("a"), 0).error());
    }

    @Test
    void onlyPublishersPublishUnlessTheModelOpensIt() {
        service.create(alice, "n", null);
        assertEquals(PubSubError.FORBIDDEN, service.publish(bob, "n", null, ENTRY, true, null).error());
        service.setAffiliations(alice, "n", Map.of(bob.asBareJid(), Affiliation.PUBLISH_ONLY));
        assertTrue(service.publish(bob, "n", "b1", ENTRY, true, null).isOk());
        Jid carol = fx.jid("carol");
        service.configure(alice, "n", Map.of(NodeConfigFields.PUBLISH_MODEL, List.of("subscribers")));
        assertEquals(PubSubError.FORBIDDEN, service.publish(carol, "n", null, ENTRY, true, null).error());
        service.subscribe(carol, "n", carol, Map.of());
        assertTrue(service.publish(carol, "n", null, ENTRY, true, null).isOk());
        assertEquals(PubSubError.NODE_NOT_FOUND, service.publish(alice, "missing", null, ENTRY, true, null).error(),
                "no auto-create on a pubsub service");
    }

    @Test
    void publicationRulesFollowPersistenceAndPayloadDelivery() {
        service.create(alice, "transient", Map.of(NodeConfigFields.PERSIST_ITEMS, List.of("0"),
                NodeConfigFields.DELIVER_PAYLOADS, List.of("false")));
        assertTrue(service.publish(alice, "transient", null, "", false, null).isOk(), "notification without item");
        assertEquals(PubSubError.ITEM_FORBIDDEN, service.publish(alice, "transient", "x", ENTRY, true, null).error());
        assertEquals(List.of(), service.items(alice, "transient", List.of(), 0).value());
        service.create(alice, "n", null);
        assertEquals(PubSubError.ITEM_REQUIRED, service.publish(alice, "n", null, "", false, null).error());
        assertEquals(PubSubError.PAYLOAD_REQUIRED, service.publish(alice, "n", "x", "", true, null).error());
    }

    @Test
    void publishOptionsArePreconditions() {
        service.create(alice, "n", Map.of(NodeConfigFields.ACCESS_MODEL, List.of("open")));
        Map<String, List<String>> whitelist = Map.of(NodeConfigFields.ACCESS_MODEL, List.of("whitelist"));
        assertEquals(PubSubError.PRECONDITION_NOT_MET, service.publish(alice, "n", null, ENTRY, true, whitelist).error());
        assertTrue(service.publish(alice, "n", null, ENTRY, true,
                Map.of(NodeConfigFields.ACCESS_MODEL, List.of("open"), "FORM_TYPE", List.of("x"))).isOk());
        assertEquals(PubSubError.PRECONDITION_NOT_MET, service.publish(alice, "n", null, ENTRY, true,
                Map.of(NodeConfigFields.MAX_ITEMS, List.of("nonsense"))).error());
    }

    @Test
    void retractTellsSubscribersWhenAsked() {
        service.create(alice, "n", Map.of(NodeConfigFields.NOTIFY_RETRACT, List.of("0")));
        service.subscribe(bob, "n", bob, Map.of());
        service.publish(alice, "n", "i", ENTRY, true, null);
        Result<Void> quiet = service.retract(alice, "n", "i", false);
        assertEquals(List.of(), quiet.notifications());
        service.publish(alice, "n", "i", ENTRY, true, null);
        Notification.Retracted told = assertInstanceOf(Notification.Retracted.class,
                service.retract(alice, "n", "i", true).notifications().get(0));
        assertEquals(List.of("i"), told.itemIds());
        assertEquals(PubSubError.ITEM_NOT_FOUND, service.retract(alice, "n", "i", true).error());
        assertEquals(PubSubError.ITEM_ID_REQUIRED, service.retract(alice, "n", null, true).error());
        service.publish(alice, "n", "j", ENTRY, true, null);
        assertEquals(PubSubError.FORBIDDEN, service.retract(bob, "n", "j", true).error());
    }

    @Test
    void deleteWithRedirectAndPurge() {
        service.create(alice, "n", null);
        Subscription sub = service.subscribe(bob, "n", bob, Map.of()).value();
        service.publish(alice, "n", "i", ENTRY, true, null);
        assertEquals(PubSubError.FORBIDDEN, service.purge(bob, "n").error());
        Notification.Purged purged = assertInstanceOf(Notification.Purged.class,
                service.purge(alice, "n").notifications().get(0));
        assertEquals(List.of(new Recipient(bob, sub.subid())), purged.recipients());
        assertEquals(List.of(), service.items(alice, "n", List.of(), 0).value());
        assertEquals(PubSubError.FORBIDDEN, service.delete(bob, "n", null).error());
        Notification.Deleted deleted = assertInstanceOf(Notification.Deleted.class,
                service.delete(alice, "n", "xmpp:pubsub.example?;node=new").notifications().get(0));
        assertEquals("xmpp:pubsub.example?;node=new", deleted.redirect());
        assertEquals(PubSubError.NODE_NOT_FOUND, service.items(alice, "n", List.of(), 0).error());
        assertTrue(service.create(alice, "n", null).isOk(), "the name is free again");
    }

    @Test
    void itemsExpireWhenConfigured() {
        service.create(alice, "n", Map.of(NodeConfigFields.ITEM_EXPIRE, List.of("60")));
        service.publish(alice, "n", "old", ENTRY, true, null);
        fx.now = fx.now.plusSeconds(30);
        service.publish(alice, "n", "new", ENTRY, true, null);
        fx.now = fx.now.plusSeconds(45);
        assertEquals(List.of("new"), ids(service.items(alice, "n", List.of(), 0).value()));
    }

    @Test
    void everythingSurvivesARestart() {
        service.create(alice, "n", Map.of(NodeConfigFields.TITLE, List.of("kept")));
        service.subscribe(bob, "n", bob, Map.of());
        service.setAffiliations(alice, "n", Map.of(fx.jid("carol").asBareJid(), Affiliation.PUBLISHER));
        service.publish(alice, "n", "i", ENTRY, true, null);
        fx.restart();
        PubSubService again = fx.service(jid -> true);
        NodeSnapshot node = again.node("n").orElseThrow();
        assertEquals("kept", node.config().title());
        assertEquals(Affiliation.PUBLISHER, node.affiliations().get(fx.jid("carol").asBareJid()));
        assertEquals(List.of(bob), node.subscriptions().stream().map(Subscription::jid).toList());
        assertEquals(ENTRY, again.items(bob, "n", List.of(), 0).value().get(0).payload());
    }

    @Test
    void pepAutoCreatesForItsOwnerOnly() {
        PubSubService pep = fx.pep("alice");
        Result<String> first = pep.publish(alice, "http://jabber.org/protocol/tune", "current", ENTRY, true,
                Map.of(NodeConfigFields.ACCESS_MODEL, List.of("presence")));
        assertEquals("current", first.value());
        NodeConfig config = pep.node("http://jabber.org/protocol/tune").orElseThrow().config();
        assertEquals(AccessModel.PRESENCE, config.accessModel());
        assertEquals(1, config.maxItems());
        assertEquals(PubSubError.FORBIDDEN, pep.publish(bob, "urn:xmpp:avatar:data", null, ENTRY, true, null).error());
        assertEquals(PubSubError.FORBIDDEN, pep.publish(bob, "http://jabber.org/protocol/tune", null, ENTRY, true,
                null).error());
        assertNull(pep.node("urn:xmpp:avatar:data").orElse(null));
        assertEquals(PubSubError.FORBIDDEN, pep.create(bob, "x", null).error());
    }

    private static List<String> ids(List<Item> items) {
        return items.stream().map(Item::id).toList();
    }
}
