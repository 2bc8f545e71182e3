package org.xmppd.server.modules.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;
import org.xmppd.server.session.ClientSession;
import org.xmppd.server.session.SessionRegistry;

/**
 * RFC 6121 §2.1.6: the "interested resources" of an account are those that requested the
 * roster; they get roster pushes and inbound subscription stanzas. Kept per full JID with the
 * session itself, so a resource that reconnects under the same name is not interested until it
 * asks again; entries of ended sessions are dropped whenever their account is looked at.
 */
final class InterestedResources {
    /** A session that asked for the roster; {@code versioned} when it sent {@code ver} (§2.6). */
    private record Interest(ClientSession session, boolean versioned) {
    }

    private final SessionRegistry sessions;
    private final Map<EntityBareJid, Map<EntityFullJid, Interest>> interested = new ConcurrentHashMap<>();
    private final AtomicLong pushIds = new AtomicLong();

    InterestedResources(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    void add(ClientSession session, boolean versioned) {
        // compute, not computeIfAbsent-then-put: pruning may drop an empty map concurrently.
        interested.compute(session.jid().asEntityBareJid(), (account, resources) -> {
            Map<EntityFullJid, Interest> map = resources == null ? new ConcurrentHashMap<>() : resources;
            map.put(session.jid(), new Interest(session, versioned));
            return map;
        });
    }

    /** The account's sessions that asked for the roster and are still bound. */
    List<ClientSession> of(EntityBareJid account) {
        List<ClientSession> result = new ArrayList<>();
        for (Interest interest : current(account)) {
            result.add(interest.session());
        }
        return result;
    }

    /**
     * Where inbound subscription stanzas go (§3.1.3, §3.1.6): the interested resources and the
     * available ones (a client may announce itself before it fetches the roster).
     */
    List<ClientSession> interestedOrAvailable(EntityBareJid account) {
        List<ClientSession> result = of(account);
        for (ClientSession session : sessions.sessions(account)) {
            if (session.isAvailable() && !result.contains(session)) {
                result.add(session);
            }
        }
        return result;
    }

    /** Sends a roster push (§2.1.6) of {@code item} to every interested resource of {@code owner}. */
    void push(EntityBareJid owner, Element item, String version) {
        for (Interest interest : current(owner)) {
            Element push = Element.builder("iq", Namespaces.CLIENT)
                    .attribute("type", "set")
                    .attribute("id", "push" + pushIds.incrementAndGet())
                    .attribute("from", owner.toString())
                    .attribute("to", interest.session().jid().toString())
                    .child(RosterXml.query(interest.versioned() ? version : null, List.of(item)))
                    .build();
            interest.session().deliver(push);
        }
    }

    /** The account's interests whose session is still bound; the others are forgotten. */
    private List<Interest> current(EntityBareJid account) {
        Map<EntityFullJid, Interest> resources = interested.get(account);
        if (resources == null) {
            return List.of();
        }
        resources.values().removeIf(i -> sessions.find(i.session().jid()).orElse(null) != i.session());
        interested.computeIfPresent(account, (a, map) -> map.isEmpty() ? null : map);
        return new ArrayList<>(resources.values());
    }
}
