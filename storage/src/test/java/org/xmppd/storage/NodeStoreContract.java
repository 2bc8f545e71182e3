package org.xmppd.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The behaviour every {@link NodeStore} backend must show. Subclasses only supply the store.
 * Each test works in its own random service, so a backend may share one database.
 */
public abstract class NodeStoreContract {
    private final BareJid service = JidCreate.bareFromOrThrowUnchecked(
            "pubsub.d" + UUID.randomUUID().toString().replace("-", "") + ".example");
    private final BareJid pep = JidCreate.bareFromOrThrowUnchecked(
            "alice@d" + UUID.randomUUID().toString().replace("-", "") + ".example");
    private final Instant created = Instant.ofEpochMilli(1_700_000_000_123L);
    private final Jid publisher = JidCreate.fromOrThrowUnchecked("alice@example.org/phone");

    /** The store under test; the same instance for the whole test. */
    protected abstract NodeStore nodes();

    @Test
    void absentNodesAreEmpty() {
        assertEquals(Optional.empty(), nodes().node(service, "nowhere"));
        assertEquals(List.of(), nodes().nodes(service));
        assertEquals(List.of(), nodes().items(service, "nowhere", 0));
        assertEquals(List.of(), nodes().publish(service, "nowhere", item("1", "<x/>"), 1));
        assertEquals(List.of(), nodes().items(service, "nowhere", 0), "publishing to no node stores nothing");
        assertFalse(nodes().delete(service, "nowhere"));
        assertFalse(nodes().retract(service, "nowhere", "1"));
        assertEquals(0, nodes().purge(service, "nowhere"));
        assertFalse(nodes().update(node("nowhere", Map.of())));
        nodes().setAffiliation(service, "nowhere", new StoredNodeAffiliation(publisher.asBareJid(), "owner"));
        assertEquals(List.of(), nodes().affiliations(service, "nowhere"));
    }

    @Test
    void createIsOnceAndUpdateReplacesTheConfiguration() {
        StoredNode first = node("news", Map.of("pubsub#max_items", List.of("10"),
                "pubsub#roster_groups_allowed", List.of("friends", "family ☕")));
        assertTrue(nodes().create(first));
        assertFalse(nodes().create(node("news", Map.of())), "a second create of the same name");
        assertEquals(Optional.of(first), nodes().node(service, "news"));
        StoredNode second = first.withConfig(Map.of("pubsub#title", List.of("<News> & 'more'")));
        assertTrue(nodes().update(second));
        assertEquals(Optional.of(second), nodes().node(service, "news"));
    }

    @Test
    void nodesListsTheServiceOnlySortedByName() {
        nodes().create(node("b", Map.of()));
        nodes().create(node("a", Map.of()));
        nodes().create(new StoredNode(pep, "a", Map.of(), created));
        assertEquals(List.of("a", "b"), nodes().nodes(service).stream().map(StoredNode::name).toList());
        assertEquals(List.of("a"), nodes().nodes(pep).stream().map(StoredNode::name).toList());
    }

    @Test
    void itemsComeNewestFirstAndRepublishingMovesAnItemUp() {
        nodes().create(node("n", Map.of()));
        nodes().publish(service, "n", item("1", "<a xmlns='x'/>"), 0);
        nodes().publish(service, "n", item("2", ""), 0);
        nodes().publish(service, "n", item("3", "<c xmlns='x'>ünï</c>"), 0);
        assertEquals(List.of("3", "2", "1"), ids(nodes().items(service, "n", 0)));
        assertEquals(List.of("3", "2"), ids(nodes().items(service, "n", 2)));
        nodes().publish(service, "n", item("1", "<a xmlns='x'>again</a>"), 0);
        assertEquals(List.of("1", "3", "2"), ids(nodes().items(service, "n", 0)));
        StoredItem one = nodes().item(service, "n", "1").orElseThrow();
        assertEquals("<a xmlns='x'>again</a>", one.payload());
        assertEquals(publisher, one.publisher());
        assertEquals(created, one.published());
        assertEquals(Optional.empty(), nodes().item(service, "n", "nope"));
    }

    @Test
    void maxItemsDropsTheOldest() {
        nodes().create(node("n", Map.of()));
        assertEquals(List.of(), nodes().publish(service, "n", item("1", ""), 2));
        assertEquals(List.of(), nodes().publish(service, "n", item("2", ""), 2));
        assertEquals(List.of("1"), nodes().publish(service, "n", item("3", ""), 2));
        assertEquals(List.of("2", "3"), nodes().publish(service, "n", item("4", ""), 1));
        assertEquals(List.of("4"), ids(nodes().items(service, "n", 0)));
    }

    @Test
    void retractPurgeAndExpire() {
        nodes().create(node("n", Map.of()));
        nodes().publish(service, "n", new StoredItem("old", publisher, "", created.minusSeconds(60)), 0);
        nodes().publish(service, "n", item("a", ""), 0);
        nodes().publish(service, "n", item("b", ""), 0);
        assertEquals(List.of("old"), nodes().expire(service, "n", created.minusSeconds(1)));
        assertEquals(List.of(), nodes().expire(service, "n", created.minusSeconds(1)));
        assertTrue(nodes().retract(service, "n", "a"));
        assertFalse(nodes().retract(service, "n", "a"));
        assertEquals(List.of("b"), ids(nodes().items(service, "n", 0)));
        assertEquals(1, nodes().purge(service, "n"));
        assertEquals(List.of(), nodes().items(service, "n", 0));
    }

    @Test
    void affiliationsAreSetReplacedAndRemoved() {
        nodes().create(node("n", Map.of()));
        StoredNodeAffiliation owner = new StoredNodeAffiliation(bare("owner@example.org"), "owner");
        StoredNodeAffiliation outcast = new StoredNodeAffiliation(bare("evil.example.net"), "outcast");
        StoredNodeAffiliation member = new StoredNodeAffiliation(bare("bob@example.org"), "member");
        nodes().setAffiliation(service, "n", owner);
        nodes().setAffiliation(service, "n", outcast);
        nodes().setAffiliation(service, "n", member);
        assertEquals(List.of(member, outcast, owner), nodes().affiliations(service, "n"));
        StoredNodeAffiliation publisherToo = new StoredNodeAffiliation(member.jid(), "publish-only");
        nodes().setAffiliation(service, "n", publisherToo);
        assertEquals(List.of(publisherToo, outcast, owner), nodes().affiliations(service, "n"));
        assertTrue(nodes().removeAffiliation(service, "n", outcast.jid()));
        assertFalse(nodes().removeAffiliation(service, "n", outcast.jid()));
        assertEquals(List.of(publisherToo, owner), nodes().affiliations(service, "n"));
    }

    @Test
    void subscriptionsAreKeyedByJidAndSubid() {
        nodes().create(node("n", Map.of()));
        Jid full = JidCreate.fromOrThrowUnchecked("bob@example.org/desk");
        StoredNodeSubscription a = new StoredNodeSubscription(full, "s1", "subscribed",
                Map.of("pubsub#deliver", "true"));
        StoredNodeSubscription b = new StoredNodeSubscription(full, "s2", "pending", Map.of());
        StoredNodeSubscription c = new StoredNodeSubscription(bare("bob@example.org"), "s3", "subscribed", Map.of());
        nodes().putSubscription(service, "n", b);
        nodes().putSubscription(service, "n", a);
        nodes().putSubscription(service, "n", c);
        assertEquals(List.of(c, a, b), nodes().subscriptions(service, "n"));
        StoredNodeSubscription approved = new StoredNodeSubscription(full, "s2", "subscribed",
                Map.of("pubsub#digest", "false"));
        nodes().putSubscription(service, "n", approved);
        assertEquals(List.of(c, a, approved), nodes().subscriptions(service, "n"));
        assertTrue(nodes().removeSubscription(service, "n", full, "s1"));
        assertFalse(nodes().removeSubscription(service, "n", full, "s1"));
        assertEquals(List.of(c, approved), nodes().subscriptions(service, "n"));
    }

    @Test
    void deleteTakesEverythingAlong() {
        nodes().create(node("gone", Map.of("k", List.of("v"))));
        nodes().publish(service, "gone", item("1", "<x xmlns='y'/>"), 0);
        nodes().setAffiliation(service, "gone", new StoredNodeAffiliation(bare("o@example.org"), "owner"));
        nodes().putSubscription(service, "gone", new StoredNodeSubscription(bare("s@example.org"), "1",
                "subscribed", Map.of()));
        assertTrue(nodes().delete(service, "gone"));
        assertEquals(Optional.empty(), nodes().node(service, "gone"));
        nodes().create(node("gone", Map.of()));
        assertEquals(List.of(), nodes().items(service, "gone", 0), "a node made again starts empty");
        assertEquals(List.of(), nodes().affiliations(service, "gone"));
        assertEquals(List.of(), nodes().subscriptions(service, "gone"));
    }

    @Test
    void deleteServiceRemovesOnlyThatService() {
        nodes().create(new StoredNode(pep, "urn:xmpp:avatar:data", Map.of(), created));
        nodes().publish(pep, "urn:xmpp:avatar:data", item("h", "<data xmlns='urn:xmpp:avatar:data'/>"), 1);
        nodes().create(node("kept", Map.of()));
        nodes().deleteService(pep);
        assertEquals(List.of(), nodes().nodes(pep));
        assertEquals(List.of("kept"), nodes().nodes(service).stream().map(StoredNode::name).toList());
    }

    @Test
    void nodesWithFindsAffiliationsAndBareAndFullSubscriptionsOfExactlyThatJid() {
        String domain = "d" + UUID.randomUUID().toString().replace("-", "") + ".example";
        BareJid user = bare("a_b@" + domain);
        nodes().create(node("affiliated", Map.of()));
        nodes().create(node("full", Map.of()));
        nodes().create(node("others", Map.of()));
        nodes().create(new StoredNode(pep, "bare", Map.of(), created));
        nodes().setAffiliation(service, "affiliated", new StoredNodeAffiliation(user, "member"));
        nodes().putSubscription(service, "full", new StoredNodeSubscription(
                JidCreate.fromOrThrowUnchecked("a_b@" + domain + "/phone"), "1", "subscribed", Map.of()));
        nodes().putSubscription(pep, "bare", new StoredNodeSubscription(user, "2", "pending", Map.of()));
        // '_' is a LIKE wildcard: axb must not match a_b, nor a longer domain.
        nodes().putSubscription(service, "others", new StoredNodeSubscription(
                JidCreate.fromOrThrowUnchecked("axb@" + domain + "/phone"), "3", "subscribed", Map.of()));
        nodes().putSubscription(service, "others", new StoredNodeSubscription(
                JidCreate.fromOrThrowUnchecked("a_b@" + domain + "x/phone"), "4", "subscribed", Map.of()));
        nodes().setAffiliation(service, "others", new StoredNodeAffiliation(bare("axb@" + domain), "owner"));
        List<NodeAddress> expected = new java.util.ArrayList<>(List.of(new NodeAddress(pep, "bare"),
                new NodeAddress(service, "affiliated"), new NodeAddress(service, "full")));
        expected.sort(java.util.Comparator.comparing((NodeAddress a) -> a.service().toString())
                .thenComparing(NodeAddress::node));
        assertEquals(expected, nodes().nodesWith(user));
        assertEquals(List.of(), nodes().nodesWith(bare("nobody@" + domain)));
        nodes().deleteService(pep);
        assertEquals(List.of(new NodeAddress(service, "affiliated"), new NodeAddress(service, "full")),
                nodes().nodesWith(user), "a deleted service's nodes are no longer found");
    }

    @Test
    void longNamesAndJidsFit() {
        String name = "eu.siacs.conversations.axolotl.bundles:" + "9".repeat(900);
        nodes().create(node(name, Map.of()));
        String id = "i".repeat(1000);
        Jid longPublisher = JidCreate.fromOrThrowUnchecked("x".repeat(1023) + "@" + "d".repeat(60) + ".example.org/"
                + "r".repeat(1023));
        nodes().publish(service, name, new StoredItem(id, longPublisher, "p".repeat(100_000), created), 0);
        assertEquals(longPublisher, nodes().item(service, name, id).orElseThrow().publisher());
        StoredNodeSubscription subscription = new StoredNodeSubscription(longPublisher, "s".repeat(64), "subscribed",
                Map.of());
        nodes().putSubscription(service, name, subscription);
        assertEquals(List.of(subscription), nodes().subscriptions(service, name));
    }

    private StoredNode node(String name, Map<String, List<String>> config) {
        return new StoredNode(service, name, config, created);
    }

    private StoredItem item(String id, String payload) {
        return new StoredItem(id, publisher, payload, created);
    }

    private static List<String> ids(List<StoredItem> items) {
        return items.stream().map(StoredItem::id).toList();
    }

    private static BareJid bare(String jid) {
        return JidCreate.bareFromOrThrowUnchecked(jid);
    }
}
