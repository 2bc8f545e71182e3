package org.xmppd.server.modules.presence;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.xmppd.server.session.SessionRegistry;

/**
 * What the presence module remembers per resource: whether it announced availability (so the
 * first available presence is recognised as initial, RFC 6121 §4.2) and where it sent directed
 * presence (§4.6), to tell those entities when it goes away.
 */
final class ResourceStates {
    /** One resource's state; replaced, never changed. */
    record State(boolean available, Set<Jid> directed) {
        State {
            directed = Set.copyOf(directed);
        }

        static final State NEW = new State(false, Set.of());
    }

    private final SessionRegistry sessions;
    private final Map<EntityBareJid, Map<Resourcepart, State>> byAccount = new ConcurrentHashMap<>();

    ResourceStates(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    /** Marks the resource available; true when it was not (an initial presence). */
    boolean becomeAvailable(EntityFullJid resource) {
        boolean[] initial = new boolean[1];
        update(resource, state -> {
            initial[0] = !state.available();
            return new State(true, state.directed());
        });
        forgetEnded(resource.asEntityBareJid());
        return initial[0];
    }

    /** Records (available) or withdraws (unavailable) directed presence to {@code to} (§4.6.2). */
    void directed(EntityFullJid resource, Jid to, boolean available) {
        update(resource, state -> {
            Set<Jid> directed = new LinkedHashSet<>(state.directed());
            if (available) {
                directed.add(to);
            } else {
                directed.remove(to);
            }
            return new State(state.available(), directed);
        });
    }

    /** Forgets the resource (it went unavailable); what it was until now. */
    State end(EntityFullJid resource) {
        State[] ended = {State.NEW};
        byAccount.computeIfPresent(resource.asEntityBareJid(), (account, resources) -> {
            State state = resources.remove(resource.getResourcepart());
            if (state != null) {
                ended[0] = state;
            }
            return resources.isEmpty() ? null : resources;
        });
        return ended[0];
    }

    private void update(EntityFullJid resource, UnaryOperator<State> change) {
        byAccount.compute(resource.asEntityBareJid(), (account, resources) -> {
            Map<Resourcepart, State> map = resources == null ? new ConcurrentHashMap<>() : resources;
            map.put(resource.getResourcepart(), change.apply(map.getOrDefault(resource.getResourcepart(), State.NEW)));
            return map;
        });
    }

    /**
     * Drops resources whose session ended without an unavailable presence (one that only sent
     * directed presence, say), so the map cannot grow with dead sessions.
     */
    private void forgetEnded(EntityBareJid account) {
        byAccount.computeIfPresent(account, (a, resources) -> {
            resources.keySet().removeIf(r -> sessions.find(JidCreate.entityFullFrom(a, r)).isEmpty());
            return resources.isEmpty() ? null : resources;
        });
    }
}
