package org.xmppd.pubsub.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

/**
 * Who may do what with a node: affiliations (XEP-0060 §4.1) and access models (§4.5). The
 * owners whose roster the presence and roster models consult are the node's owners and, on a
 * PEP service, the account.
 */
final class AccessRules {
    private final ServicePolicy policy;
    private final Relations relations;

    AccessRules(ServicePolicy policy, Relations relations) {
        this.policy = policy;
        this.relations = relations;
    }

    /** The affiliation of {@code jid}'s bare JID; a domain-wide entry counts when the JID has none. */
    Affiliation affiliation(NodeSnapshot node, Jid jid) {
        BareJid bare = jid.asBareJid();
        if (bare.equals(policy.owner())) {
            return Affiliation.OWNER;
        }
        Affiliation exact = node.affiliations().get(bare);
        if (exact != null) {
            return exact;
        }
        return node.affiliations().getOrDefault(jid.asDomainBareJid(), Affiliation.NONE);
    }

    boolean isOwner(NodeSnapshot node, Jid jid) {
        return affiliation(node, jid) == Affiliation.OWNER;
    }

    void requireOwner(NodeSnapshot node, Jid actor) throws Refusal {
        if (!isOwner(node, actor)) {
            throw new Refusal(PubSubError.FORBIDDEN, "Only an owner of node " + node.name() + " may do that");
        }
    }

    /** The owners whose rosters decide presence and roster access. */
    List<BareJid> rosterOwners(NodeSnapshot node) {
        List<BareJid> owners = new ArrayList<>(node.owners());
        if (policy.owner() != null && !owners.contains(policy.owner())) {
            owners.add(policy.owner());
        }
        return owners;
    }

    /**
     * Checks that {@code jid} may see the node's items (§6.5.9) or, with {@code subscribing}, ask
     * to subscribe (§6.1.3): the authorize model lets anyone ask, and only approved subscribers read.
     */
    void requireAccess(NodeSnapshot node, Jid jid, boolean subscribing) throws Refusal {
        Affiliation affiliation = affiliation(node, jid);
        if (affiliation == Affiliation.OUTCAST) {
            throw new Refusal(PubSubError.FORBIDDEN, "Blocked from node " + node.name());
        }
        if (affiliation.mayRetrieve()) {
            return;
        }
        BareJid bare = jid.asBareJid();
        switch (node.config().accessModel()) {
            case OPEN -> {
                // Anyone.
            }
            case PRESENCE -> {
                if (rosterOwners(node).stream().noneMatch(o -> relations.isSubscribedToPresence(o, bare))) {
                    throw new Refusal(PubSubError.PRESENCE_SUBSCRIPTION_REQUIRED,
                            "Node " + node.name() + " is for those who receive its owner's presence");
                }
            }
            case ROSTER -> requireRosterGroup(node, bare);
            case WHITELIST -> throw new Refusal(PubSubError.CLOSED_NODE,
                    "Node " + node.name() + " is for its members only");
            case AUTHORIZE -> {
                if (!subscribing) {
                    requireApprovedSubscription(node, jid);
                }
            }
        }
    }

    /** The boolean form of {@link #requireAccess}: for filtering who gets notifications. */
    boolean mayAccess(NodeSnapshot node, Jid jid) {
        try {
            requireAccess(node, jid, false);
            return true;
        } catch (Refusal refused) {
            return false;
        }
    }

    private void requireRosterGroup(NodeSnapshot node, BareJid bare) throws Refusal {
        Set<String> allowed = Set.copyOf(node.config().rosterGroupsAllowed());
        for (BareJid owner : rosterOwners(node)) {
            if (relations.rosterGroups(owner, bare).stream().anyMatch(allowed::contains)) {
                return;
            }
        }
        throw new Refusal(PubSubError.NOT_IN_ROSTER_GROUP, "Node " + node.name() + " is for some roster groups only");
    }

    private static void requireApprovedSubscription(NodeSnapshot node, Jid jid) throws Refusal {
        boolean pending = false;
        for (Subscription s : node.subscriptions()) {
            if (s.jid().asBareJid().equals(jid.asBareJid())) {
                if (s.state() == SubscriptionState.SUBSCRIBED) {
                    return;
                }
                pending |= s.state() == SubscriptionState.PENDING;
            }
        }
        throw pending ? new Refusal(PubSubError.PENDING_SUBSCRIPTION, "The subscription awaits approval")
                : new Refusal(PubSubError.NOT_SUBSCRIBED, "Node " + node.name() + " is for approved subscribers");
    }

    /** §4.1 and the publish model (§16.4.3): whether {@code actor} may publish. */
    void requirePublisher(NodeSnapshot node, Jid actor) throws Refusal {
        Affiliation affiliation = affiliation(node, actor);
        if (affiliation.mayPublish()) {
            return;
        }
        boolean allowed = switch (node.config().publishModel()) {
            case PUBLISHERS -> false;
            case SUBSCRIBERS -> node.subscriptions().stream().anyMatch(
                    s -> s.jid().asBareJid().equals(actor.asBareJid()) && s.state() == SubscriptionState.SUBSCRIBED);
            case OPEN -> affiliation != Affiliation.OUTCAST;
        };
        if (!allowed) {
            throw new Refusal(PubSubError.FORBIDDEN, "Not a publisher of node " + node.name());
        }
    }

    /**
     * The subscribers notifications go to: active subscriptions wanting delivery whose JID may
     * still see the node (access may have been lost since, e.g. a presence subscription ended)
     * and, with {@code pubsub#presence_based_delivery}, is online.
     */
    List<Recipient> recipients(NodeSnapshot node) {
        List<Recipient> recipients = new ArrayList<>(node.subscriptions().size());
        boolean open = node.config().accessModel() == AccessModel.OPEN;
        boolean onlineOnly = node.config().presenceBasedDelivery();
        for (Subscription s : node.subscriptions()) {
            if (s.receivesNotifications() && (open ? affiliation(node, s.jid()) != Affiliation.OUTCAST
                    : mayAccess(node, s.jid())) && (!onlineOnly || relations.isAvailable(s.jid()))) {
                recipients.add(new Recipient(s.jid(), s.subid()));
            }
        }
        return recipients;
    }
}
