package org.xmppd.pubsub.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

/** The owner's side of {@link PubSubService}: node life cycle (XEP-0060 §8.1-§8.5) and affiliations (§8.9). */
final class Owning {
    private final PubSubService service;
    private final AccessRules rules;

    Owning(PubSubService service, AccessRules rules) {
        this.service = service;
        this.rules = rules;
    }

    Result<String> create(Jid actor, String requested, Map<String, List<String>> fields) {
        String name = requested == null || requested.isEmpty() ? service.newId() : requested;
        return service.locked(name, () -> {
            if (!service.policy().mayCreate().test(actor.asBareJid())) {
                throw new Refusal(PubSubError.FORBIDDEN, "Not allowed to create nodes at " + service.jid());
            }
            NodeConfig config = configured(service.policy().defaults(), fields, PubSubError.BAD_CONFIGURATION);
            insert(actor, name, config);
            return Result.ok(name);
        });
    }

    /** XEP-0163 §3 / XEP-0060 §7.1.4: the node a first publication creates, configured by its publish-options. */
    NodeSnapshot autoCreate(Jid actor, String name, Map<String, List<String>> publishOptions) throws Refusal {
        if (!service.policy().autoCreate()) {
            throw new Refusal(PubSubError.NODE_NOT_FOUND, "No node " + name + " at " + service.jid());
        }
        if (!service.policy().mayCreate().test(actor.asBareJid())) {
            throw new Refusal(PubSubError.FORBIDDEN, "Only " + service.jid() + " publishes here");
        }
        NodeConfig config = configured(service.policy().defaults(), publishOptions, PubSubError.PRECONDITION_NOT_MET);
        return insert(actor, name, config);
    }

    private NodeSnapshot insert(Jid actor, String name, NodeConfig config) throws Refusal {
        int limit = service.policy().maxNodes();
        // Counted before creating, under the new node's lock only: concurrent creates may pass by one.
        if (limit > 0 && service.repository().names(service.jid()).size() >= limit) {
            throw new Refusal(PubSubError.MAX_NODES_EXCEEDED, service.jid() + " already has " + limit + " nodes");
        }
        NodeSnapshot snapshot = new NodeSnapshot(service.jid(), name, config, service.clock().instant(),
                Map.of(actor.asBareJid(), Affiliation.OWNER), List.of());
        NodeRepository repository = service.repository();
        if (!repository.store().create(repository.toStored(snapshot))) {
            throw new Refusal(PubSubError.NODE_EXISTS, "Node " + name + " exists");
        }
        repository.store().setAffiliation(service.jid(), name,
                PubSubService.toStored(actor.asBareJid(), Affiliation.OWNER));
        repository.remember(snapshot);
        return snapshot;
    }

    private NodeConfig configured(NodeConfig base, Map<String, List<String>> fields, PubSubError invalid)
            throws Refusal {
        if (fields == null) {
            return base;
        }
        try {
            return NodeConfigFields.apply(base, fields, service.policy().maxItemsLimit());
        } catch (UnsupportedOperationException e) {
            throw new Refusal(PubSubError.COLLECTIONS_UNSUPPORTED, "Only leaf nodes are offered");
        } catch (IllegalArgumentException e) {
            throw new Refusal(invalid, e.getMessage());
        }
    }

    Result<NodeConfig> configure(Jid actor, String node, Map<String, List<String>> fields) {
        return service.locked(node, () -> {
            NodeSnapshot snapshot = service.require(node);
            rules.requireOwner(snapshot, actor);
            NodeConfig config = configured(snapshot.config(), fields, PubSubError.BAD_CONFIGURATION);
            NodeSnapshot changed = snapshot.withConfig(config);
            service.repository().store().update(service.repository().toStored(changed));
            service.repository().remember(changed);
            if (config.notifyConfig()) {
                return Result.ok(config, List.of(new Notification.Configured(service.jid(), node, config,
                        rules.recipients(changed))));
            }
            return Result.ok(config);
        });
    }

    Result<Void> delete(Jid actor, String node, String redirect) {
        return service.locked(node, () -> {
            NodeSnapshot snapshot = service.require(node);
            rules.requireOwner(snapshot, actor);
            List<Recipient> recipients = rules.recipients(snapshot);
            service.repository().store().delete(service.jid(), node);
            service.repository().forget(service.jid(), node);
            if (snapshot.config().notifyDelete()) {
                return Result.ok(null, List.of(new Notification.Deleted(service.jid(), node, redirect, recipients)));
            }
            return Result.ok(null);
        });
    }

    Result<Void> purge(Jid actor, String node) {
        return service.locked(node, () -> {
            NodeSnapshot snapshot = service.require(node);
            rules.requireOwner(snapshot, actor);
            if (!snapshot.config().persistItems()) {
                throw new Refusal(PubSubError.PERSISTENCE_UNSUPPORTED, "Node " + node + " keeps no items");
            }
            service.repository().store().purge(service.jid(), node);
            if (snapshot.config().notifyRetract() && snapshot.config().deliverNotifications()) {
                return Result.ok(null, List.of(new Notification.Purged(service.jid(), node,
                        rules.recipients(snapshot))));
            }
            return Result.ok(null);
        });
    }

    Result<Map<BareJid, Affiliation>> affiliations(Jid actor, String node) {
        return service.locked(node, () -> {
            NodeSnapshot snapshot = service.require(node);
            rules.requireOwner(snapshot, actor);
            Map<BareJid, Affiliation> all = new LinkedHashMap<>();
            if (service.policy().owner() != null) {
                all.put(service.policy().owner(), Affiliation.OWNER);
            }
            snapshot.affiliations().entrySet().stream().sorted(Map.Entry.comparingByKey(
                    (a, b) -> a.toString().compareTo(b.toString()))).forEach(e -> all.put(e.getKey(), e.getValue()));
            return Result.ok(all);
        });
    }

    /** §8.9.2: none removes; the last owner stays (§8.9.2.4); outcasts lose their subscriptions. */
    Result<Void> setAffiliations(Jid actor, String node, Map<BareJid, Affiliation> changes) {
        return service.locked(node, () -> {
            NodeSnapshot snapshot = service.require(node);
            rules.requireOwner(snapshot, actor);
            NodeSnapshot changed = snapshot;
            for (Map.Entry<BareJid, Affiliation> change : changes.entrySet()) {
                changed = changed.withAffiliation(change.getKey(), change.getValue());
            }
            if (changed.owners().isEmpty() && service.policy().owner() == null) {
                throw new Refusal(PubSubError.NOT_ACCEPTABLE, "A node keeps at least one owner");
            }
            var store = service.repository().store();
            for (Map.Entry<BareJid, Affiliation> change : changes.entrySet()) {
                if (change.getValue() == Affiliation.NONE) {
                    store.removeAffiliation(service.jid(), node, change.getKey());
                } else {
                    store.setAffiliation(service.jid(), node, PubSubService.toStored(change.getKey(), change.getValue()));
                }
                if (change.getValue() == Affiliation.OUTCAST) {
                    changed = dropSubscriptions(changed, change.getKey());
                }
            }
            service.repository().remember(changed);
            return Result.ok(null);
        });
    }

    /**
     * A deleted account leaves {@code node}: its subscriptions (bare and full JIDs) and its
     * affiliation go; a node it owned alone on a service without an owning account is deleted,
     * subscribers told as on §8.4 (ejabberd does the same).
     */
    Result<Void> removeEntity(BareJid gone, String node) {
        return service.locked(node, () -> {
            NodeSnapshot snapshot = service.repository().find(service.jid(), node).orElse(null);
            if (snapshot == null) {
                return Result.ok(null);
            }
            NodeSnapshot changed = dropSubscriptions(snapshot, gone);
            if (service.policy().owner() == null && changed.owners().equals(List.of(gone))) {
                List<Recipient> recipients = rules.recipients(changed);
                service.repository().store().delete(service.jid(), node);
                service.repository().forget(service.jid(), node);
                return changed.config().notifyDelete() ? Result.ok(null, List.of(new Notification.Deleted(
                        service.jid(), node, null, recipients))) : Result.ok(null);
            }
            if (changed.affiliations().containsKey(gone)) {
                service.repository().store().removeAffiliation(service.jid(), node, gone);
                changed = changed.withAffiliation(gone, Affiliation.NONE);
            }
            service.repository().remember(changed);
            return Result.ok(null);
        });
    }

    private NodeSnapshot dropSubscriptions(NodeSnapshot snapshot, BareJid outcast) {
        NodeSnapshot changed = snapshot;
        for (Subscription s : snapshot.subscriptions()) {
            if (s.jid().asBareJid().equals(outcast)) {
                service.repository().store().removeSubscription(service.jid(), snapshot.name(), s.jid(), s.subid());
                changed = changed.withoutSubscription(s);
            }
        }
        return changed;
    }

    Result<Map<String, Affiliation>> affiliationsOf(Jid actor, String nodeOrNull) {
        Map<String, Affiliation> found = new LinkedHashMap<>();
        List<String> names = nodeOrNull == null ? service.repository().names(service.jid()) : List.of(nodeOrNull);
        for (String name : names) {
            service.repository().find(service.jid(), name).ifPresent(n -> {
                Affiliation affiliation = rules.affiliation(n, actor);
                if (affiliation != Affiliation.NONE) {
                    found.put(name, affiliation);
                }
            });
        }
        return Result.ok(found);
    }
}
