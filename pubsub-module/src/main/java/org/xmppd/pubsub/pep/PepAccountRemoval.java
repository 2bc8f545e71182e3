package org.xmppd.pubsub.pep;

import org.jxmpp.jid.EntityBareJid;
import org.xmppd.pubsub.avatar.AvatarConversion;
import org.xmppd.pubsub.engine.NodeRepository;
import org.xmppd.server.module.AccountHook;
import org.xmppd.storage.NodeAddress;

/**
 * A deleted account's PEP service goes with every node, item, subscription and affiliation; the
 * account leaves the PEP nodes of others it was subscribed or affiliated to; its avatar hash is
 * forgotten. Nodes of pubsub domains are the pubsub module's to clean.
 */
final class PepAccountRemoval implements AccountHook {
    private final PepServices services;
    private final PepNotifier notifier;
    private final AvatarConversion avatars;

    PepAccountRemoval(PepServices services, PepNotifier notifier, AvatarConversion avatars) {
        this.services = services;
        this.notifier = notifier;
        this.avatars = avatars;
    }

    @Override
    public void accountRemoved(EntityBareJid account) {
        NodeRepository repository = services.repository();
        repository.deleteService(account);
        for (NodeAddress node : repository.nodesWith(account)) {
            if (node.service().isEntityBareJid()) {
                notifier.send(services.of(node.service()).removeEntity(account, node.node()).notifications());
            }
        }
        avatars.forget(account);
    }
}
