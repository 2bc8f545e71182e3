package org.xmppd.pubsub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;

/** Access models, affiliations and subscription handling of the engine (XEP-0060 §4, §6, §8.6-§8.9). */
class AccessAndSubscriptionTest extends EngineTestBase {
    private static final String ENTRY = "<x xmlns='urn:test'/>";


    private void node(String access, String... extra) {
        Map<String, List<String>> config = new java.util.HashMap<>();
        config.put(NodeConfigFields.ACCESS_MODEL, List.of(access));
        for (int i = 0; i < extra.length; i += 2) {
            config.put(extra[i], List.of(extra[i + 1]));
        }
        assertTrue(service.create(alice, "n", config).isOk());
        service.publish(alice, "n", "i", ENTRY, true, null);
    }

    @Test
    void presenceAccessNeedsAPresenceSubscription() {
        node("presence");
        assertEquals(PubSubError.PRESENCE_SUBSCRIPTION_REQUIRED, service.items(bob, "n", List.of(), 0).error());
        assertEquals(PubSubError.PRESENCE_SUBSCRIPTION_REQUIRED, service.subscribe(bob, "n", bob, Map.of()).error());
        fx.roster("alice", "bob", true);
        assertEquals(1, service.items(bob, "n", List.of(), 0).value().size());
        assertTrue(service.subscribe(bob, "n", bob, Map.of()).isOk());
    }

    @Test
    void rosterAccessNeedsAnAllowedGroup() {
        node("roster", NodeConfigFields.ROSTER_GROUPS, "friends");
        fx.roster("alice", "bob", false, "work");
        assertEquals(PubSubError.NOT_IN_ROSTER_GROUP, service.items(bob, "n", List.of(), 0).error());
        fx.roster("alice", "bob", false, "work", "friends");
        assertTrue(service.items(bob, "n", List.of(), 0).isOk());
    }

    @Test
    void whitelistAdmitsAffiliatesOnly() {
        node("whitelist");
        assertEquals(PubSubError.CLOSED_NODE, service.subscribe(bob, "n", bob, Map.of()).error());
        assertEquals(List.of(), service.visibleNodes(bob), "hidden from disco");
        service.setAffiliations(alice, "n", Map.of(bob.asBareJid(), Affiliation.MEMBER));
        assertEquals(List.of("n"), service.visibleNodes(bob));
        assertTrue(service.subscribe(bob, "n", bob, Map.of()).isOk());
        assertEquals(PubSubError.FORBIDDEN, service.publish(bob, "n", null, ENTRY, true, null).error(),
                "members do not publish");
    }

    @Test
    void outcastsAreBlockedAndLoseTheirSubscriptions() {
        node("open");
        service.subscribe(bob, "n", bob, Map.of());
        service.setAffiliations(alice, "n", Map.of(bob.asBareJid(), Affiliation.OUTCAST));
        assertEquals(List.of(), service.node("n").orElseThrow().subscriptions());
        assertEquals(PubSubError.FORBIDDEN, service.subscribe(bob, "n", bob, Map.of()).error());
        assertEquals(PubSubError.FORBIDDEN, service.items(bob, "n", List.of(), 0).error());
        assertEquals(PubSubError.NOT_ACCEPTABLE,
                service.setAffiliations(alice, "n", Map.of(alice.asBareJid(), Affiliation.NONE)).error(),
                "the last owner stays");
        assertEquals(Map.of(alice.asBareJid(), Affiliation.OWNER, bob.asBareJid(), Affiliation.OUTCAST),
                service.affiliations(alice, "n").value());
        assertEquals(PubSubError.FORBIDDEN, service.affiliations(bob, "n").error());
        assertEquals(Map.of("n", Affiliation.OUTCAST), service.affiliationsOf(bob, null).value());
    }

    @Test
    void authorizeMakesSubscriptionsPendingUntilAnOwnerApproves() {
        node("authorize");
        Result<Subscription> asked = service.subscribe(bob, "n", bob, Map.of());
        assertEquals(SubscriptionState.PENDING, asked.value().state());
        Notification.AuthorizationRequested request = assertInstanceOf(Notification.AuthorizationRequested.class,
                asked.notifications().get(0));
        assertEquals(List.of(alice.asBareJid()), request.owners());
        assertEquals(PubSubError.PENDING_SUBSCRIPTION, service.items(bob, "n", List.of(), 0).error());
        assertEquals(List.of(), service.publish(alice, "n", "j", ENTRY, true, null).notifications().get(0) instanceof
                Notification.Published p ? p.recipients() : null, "pending subscribers get nothing");
        Result<Void> approved = service.authorize(alice, "n", bob, null, true);
        Notification.SubscriptionChanged changed = assertInstanceOf(Notification.SubscriptionChanged.class,
                approved.notifications().get(0));
        assertEquals(SubscriptionState.SUBSCRIBED, changed.subscription().state());
        assertEquals(2, service.items(bob, "n", List.of(), 0).value().size());
        Jid carol = fx.jid("carol");
        service.subscribe(carol, "n", carol, Map.of());
        service.authorize(alice, "n", carol, null, false);
        assertEquals(PubSubError.NOT_SUBSCRIBED, service.items(carol, "n", List.of(), 0).error());
    }

    @Test
    void subscribeChecksTheJidAndSendsTheLastItemWhenConfigured() {
        node("open", NodeConfigFields.SEND_LAST, "on_sub");
        assertEquals(PubSubError.INVALID_JID, service.subscribe(bob, "n", fx.jid("carol"), Map.of()).error());
        Result<Subscription> subscribed = service.subscribe(bob, "n", bob, Map.of());
        Notification.Published last = assertInstanceOf(Notification.Published.class,
                subscribed.notifications().get(0));
        assertEquals("i", last.items().get(0).id());
        assertEquals(List.of(new Recipient(bob, subscribed.value().subid())), last.recipients());
        assertEquals(subscribed.value(), service.subscribe(bob, "n", bob, Map.of()).value(), "asking again");
        assertEquals(PubSubError.NODE_NOT_FOUND, service.subscribe(bob, "none", bob, Map.of()).error());
    }

    @Test
    void unsubscribeAndOptions() {
        node("open");
        Subscription sub = service.subscribe(bob, "n", bob, Map.of()).value();
        assertEquals(PubSubError.INVALID_OPTIONS,
                service.setOptions(bob, "n", bob, null, Map.of("pubsub#deliver", "maybe")).error());
        assertEquals(PubSubError.INVALID_OPTIONS,
                service.setOptions(bob, "n", bob, null, Map.of("pubsub#colour", "red")).error());
        service.setOptions(bob, "n", bob, sub.subid(), Map.of("pubsub#deliver", "false"));
        Notification.Published quiet = assertInstanceOf(Notification.Published.class,
                service.publish(alice, "n", null, ENTRY, true, null).notifications().get(0));
        assertEquals(List.of(), quiet.recipients(), "deliver=false");
        assertEquals("false", service.subscription(bob, "n", bob, null).value().options().get("pubsub#deliver"));
        assertEquals(PubSubError.FORBIDDEN, service.unsubscribe(fx.jid("carol"), "n", bob, null).error());
        assertEquals(PubSubError.INVALID_SUBID, service.unsubscribe(bob, "n", bob, "nope").error());
        assertTrue(service.unsubscribe(bob, "n", bob, null).isOk());
        assertEquals(PubSubError.NOT_SUBSCRIBED, service.unsubscribe(bob, "n", bob, null).error());
    }

    @Test
    void ownersManageSubscriptions() {
        node("open");
        Jid carol = fx.jid("carol");
        service.subscribe(bob, "n", bob, Map.of());
        assertEquals(PubSubError.FORBIDDEN, service.subscriptions(bob, "n").error());
        Result<Void> set = service.setSubscriptions(alice, "n", List.of(
                new Subscription("n", bob, "", SubscriptionState.NONE, Map.of()),
                new Subscription("n", carol, "", SubscriptionState.SUBSCRIBED, Map.of())));
        assertTrue(set.isOk());
        assertEquals(List.of(carol), service.subscriptions(alice, "n").value().stream().map(Subscription::jid)
                .toList());
        assertEquals(1, service.subscriptionsOf(carol, null).value().size());
        assertEquals(0, service.subscriptionsOf(bob, null).value().size());
    }

    @Test
    void presenceSubscribersLoseNotificationsWithTheirPresenceSubscription() {
        node("presence");
        fx.roster("alice", "bob", true);
        service.subscribe(bob, "n", bob, Map.of());
        Notification.Published told = assertInstanceOf(Notification.Published.class,
                service.publish(alice, "n", null, ENTRY, true, null).notifications().get(0));
        assertEquals(1, told.recipients().size());
        fx.roster("alice", "bob", false);
        Notification.Published after = assertInstanceOf(Notification.Published.class,
                service.publish(alice, "n", null, ENTRY, true, null).notifications().get(0));
        assertEquals(List.of(), after.recipients(), "no presence subscription, no notifications");
    }
}
