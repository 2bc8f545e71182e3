package org.xmppd.pubsub;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.pubsub.engine.NodeConfig;
import org.xmppd.pubsub.engine.NodeRepository;
import org.xmppd.pubsub.engine.PubSubService;
import org.xmppd.pubsub.engine.ServicePolicy;
import org.xmppd.pubsub.service.ServiceEndpoint;
import org.xmppd.server.module.ModuleContext;
import org.xmppd.server.module.Xep;
import org.xmppd.server.module.XmppModule;
import org.xmppd.server.router.ServerInfo;
import org.xmppd.storage.NodeAddress;

/**
 * XEP-0060: Publish-Subscribe, a service at {@code <subdomain>.<host>} for every host, listed in
 * the host's disco#items. Local users create nodes (when {@code node_creation} allows), and
 * anyone may subscribe to what the access models let them see.
 */
@Xep(number = 60, version = "1.26.0")
public final class PubSubModule implements XmppModule {
    @Override
    public String name() {
        return "pubsub";
    }

    @Override
    public Class<?> configType() {
        return PubSubConfig.class;
    }

    @Override
    public void start(ModuleContext context) {
        PubSubConfig config = context.config(PubSubConfig.class);
        ServerInfo server = context.server();
        NodeRepository repository = new NodeRepository(context.storage().nodes(), config.cacheSize(),
                config.maxItemsLimit());
        RosterRelations relations = new RosterRelations(context.storage().roster(), server, context.sessions());
        ServicePolicy policy = ServicePolicy.service(NodeConfig.serviceDefaults(config.maxItems()),
                config.maxItemsLimit(), jid -> config.nodeCreation() && server.isLocal(jid));
        Delivery delivery = new Delivery(context.router());
        Map<BareJid, PubSubService> services = new HashMap<>();
        for (DomainBareJid host : server.domains()) {
            DomainBareJid domain = JidCreate.domainBareFromOrThrowUnchecked(config.subdomain() + "." + host);
            PubSubService service = new PubSubService(domain, repository, policy, relations, Clock.systemUTC(),
                    () -> UUID.randomUUID().toString());
            services.put(domain, service);
            context.service(domain, config.name(), new ServiceEndpoint(service, config.name(), delivery));
        }
        context.onAccountRemoved(account -> leaveNodes(account, repository, services, delivery));
    }

    /** A deleted account leaves the nodes of the pubsub domains (PEP nodes are the pep module's). */
    private static void leaveNodes(EntityBareJid account, NodeRepository repository,
            Map<BareJid, PubSubService> services, Delivery delivery) {
        for (NodeAddress node : repository.nodesWith(account)) {
            PubSubService service = services.get(node.service());
            if (service != null) {
                service.removeEntity(account, node.node()).notifications().forEach(delivery::send);
            }
        }
    }
}
