package org.xmppd.pubsub.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

/**
 * A node as the engine last read or wrote it: configuration, affiliations and subscriptions,
 * immutable. Items stay in the store (they may be large); the engine never caches them.
 *
 * @param service       the service holding the node
 * @param name          the NodeID
 * @param config        the configuration
 * @param created       when the node was created
 * @param affiliations  the affiliations other than none
 * @param subscriptions every subscription, in the store's order
 */
public record NodeSnapshot(BareJid service, String name, NodeConfig config, Instant created,
        Map<BareJid, Affiliation> affiliations, List<Subscription> subscriptions) {
    public NodeSnapshot {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
        affiliations = Map.copyOf(affiliations);
        subscriptions = List.copyOf(subscriptions);
    }

    NodeSnapshot withConfig(NodeConfig newConfig) {
        return new NodeSnapshot(service, name, newConfig, created, affiliations, subscriptions);
    }

    NodeSnapshot withAffiliation(BareJid jid, Affiliation affiliation) {
        Map<BareJid, Affiliation> changed = new LinkedHashMap<>(affiliations);
        if (affiliation == Affiliation.NONE) {
            changed.remove(jid);
        } else {
            changed.put(jid, affiliation);
        }
        return new NodeSnapshot(service, name, config, created, changed, subscriptions);
    }

    /** With {@code subscription} added, or replacing the one with the same JID and SubID. */
    NodeSnapshot withSubscription(Subscription subscription) {
        List<Subscription> changed = new ArrayList<>(subscriptions.size() + 1);
        boolean replaced = false;
        for (Subscription s : subscriptions) {
            if (s.jid().equals(subscription.jid()) && s.subid().equals(subscription.subid())) {
                changed.add(subscription);
                replaced = true;
            } else {
                changed.add(s);
            }
        }
        if (!replaced) {
            changed.add(subscription);
        }
        return new NodeSnapshot(service, name, config, created, affiliations, changed);
    }

    NodeSnapshot withoutSubscription(Subscription subscription) {
        List<Subscription> changed = new ArrayList<>(subscriptions);
        changed.removeIf(s -> s.jid().equals(subscription.jid()) && s.subid().equals(subscription.subid()));
        return new NodeSnapshot(service, name, config, created, affiliations, changed);
    }

    /** The subscriptions of exactly {@code jid} (a full JID's are not its bare JID's). */
    public List<Subscription> subscriptionsOf(Jid jid) {
        return subscriptions.stream().filter(s -> s.jid().equals(jid)).toList();
    }

    /** The owners by affiliation (not counting a PEP service's account). */
    public List<BareJid> owners() {
        return affiliations.entrySet().stream().filter(e -> e.getValue() == Affiliation.OWNER)
                .map(Map.Entry::getKey).sorted((a, b) -> a.toString().compareTo(b.toString())).toList();
    }
}
