package org.xmppd.pubsub;

import java.time.Clock;
import java.util.UUID;

import org.jxmpp.jid.DomainBareJid;
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
        RosterRelations relations = new RosterRelations(context.storage().roster(), server);
        ServicePolicy policy = ServicePolicy.service(NodeConfig.serviceDefaults(config.maxItems()),
                config.maxItemsLimit(), jid -> config.nodeCreation() && server.isLocal(jid));
        Delivery delivery = new Delivery(context.router());
        for (DomainBareJid host : server.domains()) {
            DomainBareJid domain = JidCreate.domainBareFromOrThrowUnchecked(config.subdomain() + "." + host);
            PubSubService service = new PubSubService(domain, repository, policy, relations, Clock.systemUTC(),
                    () -> UUID.randomUUID().toString());
            context.service(domain, config.name(), new ServiceEndpoint(service, config.name(), delivery));
        }
    }
}
