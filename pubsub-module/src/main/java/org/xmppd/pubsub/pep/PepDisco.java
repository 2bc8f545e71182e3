package org.xmppd.pubsub.pep;

import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import org.jxmpp.jid.Jid;
import org.xmppd.pubsub.engine.Item;
import org.xmppd.pubsub.engine.PubSubService;
import org.xmppd.pubsub.engine.Result;
import org.xmppd.pubsub.xml.Ns;
import org.xmppd.server.module.DiscoInfo;
import org.xmppd.server.module.DiscoItem;
import org.xmppd.server.module.DiscoNodes;
import org.xmppd.server.module.Identity;

/**
 * Disco of an account's PEP nodes (XEP-0163 §6, XEP-0060 §5.2-§5.5): the nodes the requester may
 * see as the account's items, a node as a leaf, and a node's ItemIDs.
 */
final class PepDisco implements DiscoNodes {
    private final PepServices services;

    PepDisco(PepServices services) {
        this.services = services;
    }

    @Override
    public Optional<List<DiscoItem>> items(Jid requester, Jid entity, String node) {
        PubSubService service = services.of(entity.asBareJid());
        if (node == null) {
            return Optional.of(service.visibleNodes(requester).stream()
                    .map(name -> new DiscoItem(entity.asBareJid(), name, null)).toList());
        }
        Result<List<Item>> items = service.items(requester, node, List.of(), 0);
        if (!items.isOk()) {
            return Optional.empty();
        }
        return Optional.of(items.value().stream().map(i -> new DiscoItem(entity.asBareJid(), null, i.id())).toList());
    }

    @Override
    public Optional<DiscoInfo> info(Jid requester, Jid entity, String node) {
        return services.of(entity.asBareJid()).node(node).map(n -> {
            SortedSet<String> features = new TreeSet<>(List.of(Ns.PUBSUB));
            return new DiscoInfo(List.of(new Identity("pubsub", "leaf", null)), features);
        });
    }
}
