package org.xmppd.pubsub.pep;

import java.time.Clock;
import java.util.UUID;

import org.jxmpp.jid.BareJid;
import org.xmppd.pubsub.engine.NodeConfig;
import org.xmppd.pubsub.engine.NodeRepository;
import org.xmppd.pubsub.engine.PubSubService;
import org.xmppd.pubsub.engine.Relations;
import org.xmppd.pubsub.engine.ServicePolicy;

/** The PEP service of each account: an engine instance over the shared node repository, made on demand. */
public final class PepServices {
    private final NodeRepository repository;
    private final Relations relations;
    private final int maxItemsLimit;
    private final int maxNodes;
    private final Clock clock;

    /** @param maxNodes the most nodes one account may have */
    public PepServices(NodeRepository repository, Relations relations, int maxItemsLimit, int maxNodes, Clock clock) {
        this.repository = repository;
        this.relations = relations;
        this.maxItemsLimit = maxItemsLimit;
        this.maxNodes = maxNodes;
        this.clock = clock;
    }

    /** The PEP service of {@code account} (XEP-0163 §3: the account owns every node). */
    public PubSubService of(BareJid account) {
        return new PubSubService(account, repository, ServicePolicy.pep(account, NodeConfig.pepDefaults(),
                maxItemsLimit, maxNodes), relations, clock, () -> UUID.randomUUID().toString());
    }

    public NodeRepository repository() {
        return repository;
    }
}
