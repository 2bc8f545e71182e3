package org.xmppd.server.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.parts.Resourcepart;

/** The sessions of this process, indexed by account then resource. */
public final class LocalSessionRegistry implements SessionRegistry {
    private final Map<EntityBareJid, Map<Resourcepart, ClientSession>> byAccount = new ConcurrentHashMap<>();

    @Override
    public Optional<ClientSession> bind(ClientSession session) {
        EntityFullJid jid = session.jid();
        ClientSession[] displaced = new ClientSession[1];
        byAccount.compute(jid.asEntityBareJid(), (account, resources) -> {
            Map<Resourcepart, ClientSession> map = resources == null ? new ConcurrentHashMap<>() : resources;
            displaced[0] = map.put(jid.getResourcepart(), session);
            return map;
        });
        return Optional.ofNullable(displaced[0]);
    }

    @Override
    public void unbind(ClientSession session) {
        EntityFullJid jid = session.jid();
        byAccount.computeIfPresent(jid.asEntityBareJid(), (account, resources) -> {
            resources.remove(jid.getResourcepart(), session);
            return resources.isEmpty() ? null : resources;
        });
    }

    @Override
    public Optional<ClientSession> find(EntityFullJid jid) {
        Map<Resourcepart, ClientSession> resources = byAccount.get(jid.asEntityBareJid());
        return resources == null ? Optional.empty() : Optional.ofNullable(resources.get(jid.getResourcepart()));
    }

    @Override
    public List<ClientSession> sessions(EntityBareJid account) {
        Map<Resourcepart, ClientSession> resources = byAccount.get(account);
        return resources == null ? List.of() : List.copyOf(resources.values());
    }

    @Override
    public Collection<ClientSession> all() {
        List<ClientSession> all = new ArrayList<>();
        byAccount.values().forEach(resources -> all.addAll(resources.values()));
        return all;
    }
}
