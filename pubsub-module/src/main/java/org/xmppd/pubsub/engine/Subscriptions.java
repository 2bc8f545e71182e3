package org.xmppd.pubsub.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.jxmpp.jid.Jid;

/** The subscriber's and the owner's sides of subscriptions (XEP-0060 §6.1-§6.3, §5.6, §8.6-§8.8). */
final class Subscriptions {
    /** §6.3.7 and §16.4.2: the subscription options this service accepts. */
    private static final Set<String> OPTIONS = Set.of(Subscription.DELIVER, "pubsub#digest",
            "pubsub#digest_frequency", "pubsub#include_body", "pubsub#show-values", "pubsub#subscription_type",
            "pubsub#subscription_depth", "pubsub#expire");
    private static final Set<String> BOOLEAN_OPTIONS = Set.of(Subscription.DELIVER, "pubsub#digest",
            "pubsub#include_body");

    private final PubSubService service;
    private final AccessRules rules;
    private final Supplier<String> ids;

    Subscriptions(PubSubService service, AccessRules rules, Supplier<String> ids) {
        this.service = service;
        this.rules = rules;
        this.ids = ids;
    }

    Result<Subscription> subscribe(Jid actor, String node, Jid subscriber, Map<String, String> options) {
        return service.locked(node, () -> {
            if (!subscriber.asBareJid().equals(actor.asBareJid())) {
                throw new Refusal(PubSubError.INVALID_JID, "Subscribe your own JID only");
            }
            NodeSnapshot snapshot = service.require(node);
            rules.requireAccess(snapshot, subscriber, true);
            boolean owner = rules.isOwner(snapshot, subscriber);
            if (!snapshot.config().subscribe() && !owner) {
                throw new Refusal(PubSubError.SUBSCRIPTIONS_CLOSED, "Node " + node + " takes no subscriptions");
            }
            checkOptions(options);
            List<Subscription> existing = snapshot.subscriptionsOf(subscriber);
            if (!existing.isEmpty()) {
                // One subscription per JID here: asking again is answered with the one there is.
                return Result.ok(existing.get(0));
            }
            boolean approval = snapshot.config().accessModel() == AccessModel.AUTHORIZE
                    && !rules.affiliation(snapshot, subscriber).mayRetrieve();
            Subscription subscription = new Subscription(node, subscriber, ids.get(),
                    approval ? SubscriptionState.PENDING : SubscriptionState.SUBSCRIBED, options);
            save(snapshot, subscription);
            List<Notification> notifications = new ArrayList<>();
            if (approval) {
                notifications.add(new Notification.AuthorizationRequested(service.jid(), node, subscription,
                        rules.rosterOwners(snapshot)));
            } else {
                tellOwners(snapshot, subscription, notifications);
                lastItem(snapshot, subscription).ifPresent(notifications::add);
            }
            return Result.ok(subscription, notifications);
        });
    }

    /** §6.1.7: the last published item goes to a new subscriber when the node says so. */
    private java.util.Optional<Notification> lastItem(NodeSnapshot snapshot, Subscription subscription) {
        if (snapshot.config().sendLastPublishedItem() == SendLastItem.NEVER || !subscription.receivesNotifications()) {
            return java.util.Optional.empty();
        }
        return service.lastItemFor(snapshot, subscription.jid()).map(item -> service.published(snapshot,
                List.of(item), List.of(new Recipient(subscription.jid(), subscription.subid()))));
    }

    Result<Void> unsubscribe(Jid actor, String node, Jid subscriber, String subid) {
        return service.locked(node, () -> {
            NodeSnapshot snapshot = service.require(node);
            if (!subscriber.asBareJid().equals(actor.asBareJid()) && !rules.isOwner(snapshot, actor)) {
                throw new Refusal(PubSubError.FORBIDDEN, "Unsubscribe your own JID only");
            }
            Subscription subscription = pick(snapshot, subscriber, subid);
            service.repository().store().removeSubscription(service.jid(), node, subscription.jid(),
                    subscription.subid());
            service.repository().remember(snapshot.withoutSubscription(subscription));
            List<Notification> notifications = new ArrayList<>();
            tellOwners(snapshot, subscription.withState(SubscriptionState.NONE), notifications);
            return Result.ok(null, notifications);
        });
    }

    /** {@code pubsub#notify_sub}: the owners (but the subscriber itself) hear of a subscription change. */
    private void tellOwners(NodeSnapshot snapshot, Subscription subscription, List<Notification> notifications) {
        if (!snapshot.config().notifySub()) {
            return;
        }
        List<org.jxmpp.jid.BareJid> owners = rules.rosterOwners(snapshot).stream()
                .filter(o -> !o.equals(subscription.jid().asBareJid())).toList();
        if (!owners.isEmpty()) {
            notifications.add(new Notification.SubscriberNotice(service.jid(), snapshot.name(), subscription, owners));
        }
    }

    Result<Subscription> find(Jid actor, String node, Jid subscriber, String subid) {
        return service.locked(node, () -> {
            NodeSnapshot snapshot = service.require(node);
            if (!subscriber.asBareJid().equals(actor.asBareJid()) && !rules.isOwner(snapshot, actor)) {
                throw new Refusal(PubSubError.FORBIDDEN, "Only the subscriber sees its options");
            }
            return Result.ok(pick(snapshot, subscriber, subid));
        });
    }

    Result<Subscription> setOptions(Jid actor, String node, Jid subscriber, String subid, Map<String, String> options) {
        return service.locked(node, () -> {
            NodeSnapshot snapshot = service.require(node);
            if (!subscriber.asBareJid().equals(actor.asBareJid()) && !rules.isOwner(snapshot, actor)) {
                throw new Refusal(PubSubError.FORBIDDEN, "Only the subscriber sets its options");
            }
            checkOptions(options);
            Subscription changed = pick(snapshot, subscriber, subid).withOptions(options);
            save(snapshot, changed);
            return Result.ok(changed);
        });
    }

    /** §6.2.3 / §6.3.4: the one subscription meant, or why there is none. */
    private static Subscription pick(NodeSnapshot snapshot, Jid subscriber, String subid) throws Refusal {
        List<Subscription> mine = snapshot.subscriptionsOf(subscriber);
        if (mine.isEmpty()) {
            throw new Refusal(PubSubError.NOT_SUBSCRIBED, subscriber + " is not subscribed to " + snapshot.name());
        }
        if (subid == null || subid.isEmpty()) {
            if (mine.size() > 1) {
                throw new Refusal(PubSubError.SUBID_REQUIRED, "Several subscriptions: name the SubID");
            }
            return mine.get(0);
        }
        return mine.stream().filter(s -> s.subid().equals(subid)).findFirst()
                .orElseThrow(() -> new Refusal(PubSubError.INVALID_SUBID, "No subscription " + subid));
    }

    private static void checkOptions(Map<String, String> options) throws Refusal {
        for (Map.Entry<String, String> option : options.entrySet()) {
            if (!OPTIONS.contains(option.getKey())) {
                throw new Refusal(PubSubError.INVALID_OPTIONS, "Unknown subscription option " + option.getKey());
            }
            if (BOOLEAN_OPTIONS.contains(option.getKey())) {
                try {
                    NodeConfigFields.bool(option.getKey(), option.getValue());
                } catch (IllegalArgumentException e) {
                    throw new Refusal(PubSubError.INVALID_OPTIONS, e.getMessage());
                }
            }
        }
    }

    Result<List<Subscription>> of(Jid actor, String nodeOrNull) {
        List<Subscription> found = new ArrayList<>();
        List<String> names = nodeOrNull == null ? service.repository().names(service.jid()) : List.of(nodeOrNull);
        for (String name : names) {
            service.repository().find(service.jid(), name).ifPresent(n -> n.subscriptions().stream()
                    .filter(s -> s.jid().asBareJid().equals(actor.asBareJid())).forEach(found::add));
        }
        return Result.ok(found);
    }

    Result<List<Subscription>> all(Jid actor, String node) {
        return service.locked(node, () -> {
            NodeSnapshot snapshot = service.require(node);
            rules.requireOwner(snapshot, actor);
            return Result.ok(snapshot.subscriptions());
        });
    }

    /** §8.8.2: each change names a JID, a state and possibly a SubID; none removes. */
    Result<Void> set(Jid actor, String node, List<Subscription> changes) {
        return service.locked(node, () -> {
            NodeSnapshot snapshot = service.require(node);
            rules.requireOwner(snapshot, actor);
            List<Notification> notifications = new ArrayList<>();
            for (Subscription change : changes) {
                snapshot = apply(snapshot, change, notifications);
            }
            return Result.ok(null, notifications);
        });
    }

    private NodeSnapshot apply(NodeSnapshot snapshot, Subscription change, List<Notification> notifications) {
        List<Subscription> current = snapshot.subscriptionsOf(change.jid());
        Subscription existing = current.stream().filter(s -> change.subid().isEmpty()
                || s.subid().equals(change.subid())).findFirst().orElse(null);
        if (change.state() == SubscriptionState.NONE) {
            if (existing == null) {
                return snapshot;
            }
            service.repository().store().removeSubscription(service.jid(), snapshot.name(), existing.jid(),
                    existing.subid());
            NodeSnapshot changed = snapshot.withoutSubscription(existing);
            service.repository().remember(changed);
            notifications.add(new Notification.SubscriptionChanged(service.jid(), snapshot.name(),
                    existing.withState(SubscriptionState.NONE)));
            return changed;
        }
        Subscription updated = existing != null ? existing.withState(change.state())
                : new Subscription(snapshot.name(), change.jid(), ids.get(), change.state(), Map.of());
        NodeSnapshot changed = save(snapshot, updated);
        notifications.add(new Notification.SubscriptionChanged(service.jid(), snapshot.name(), updated));
        if (updated.state() == SubscriptionState.SUBSCRIBED
                && (existing == null || existing.state() != SubscriptionState.SUBSCRIBED)) {
            lastItem(changed, updated).ifPresent(notifications::add);
        }
        return changed;
    }

    Result<Void> authorize(Jid actor, String node, Jid subscriber, String subid, boolean allow) {
        return service.locked(node, () -> {
            NodeSnapshot snapshot = service.require(node);
            rules.requireOwner(snapshot, actor);
            Subscription pending = pick(snapshot, subscriber, subid);
            if (pending.state() != SubscriptionState.PENDING) {
                return Result.ok(null);
            }
            List<Notification> notifications = new ArrayList<>();
            Subscription decided = pending.withState(allow ? SubscriptionState.SUBSCRIBED : SubscriptionState.NONE);
            apply(snapshot, decided, notifications);
            if (allow) {
                tellOwners(snapshot, decided, notifications);
            }
            return Result.ok(null, notifications);
        });
    }

    private NodeSnapshot save(NodeSnapshot snapshot, Subscription subscription) {
        service.repository().store().putSubscription(service.jid(), snapshot.name(),
                NodeRepository.toStored(subscription));
        NodeSnapshot changed = snapshot.withSubscription(subscription);
        service.repository().remember(changed);
        return changed;
    }
}
