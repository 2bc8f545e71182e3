package org.xmppd.server.modules.presence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;
import org.xmppd.codec.Presence;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.server.module.Xml;
import org.xmppd.server.router.Router;
import org.xmppd.server.router.ServerInfo;
import org.xmppd.server.session.ClientSession;
import org.xmppd.server.session.SessionRegistry;
import org.xmppd.storage.RosterItem;
import org.xmppd.storage.RosterStore;
import org.xmppd.storage.StorageException;
import org.xmppd.storage.Subscription;

/**
 * Availability presence sent by the user's resources (RFC 6121 §4): broadcast to the contacts
 * subscribed to the user and to the user's own resources, probes and kept subscription
 * requests on initial presence, directed presence remembered and withdrawn at logout.
 * <pre>
 * C: &lt;presence&gt;&lt;priority&gt;5&lt;/priority&gt;&lt;/presence&gt;           (initial)
 * S→contacts with from/both: the presence       S→contacts with to/both: &lt;presence type='probe'/&gt;
 * S→C: the user's other resources' presence, then any subscription request kept while offline
 * </pre>
 * Contacts at other domains are skipped until server-to-server exists.
 */
final class PresenceBroadcaster {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceBroadcaster.class);

    private final RosterStore rosters;
    private final SessionRegistry sessions;
    private final Router router;
    private final ServerInfo server;
    private final ResourceStates states;
    private final PresenceRecorder recorder;

    PresenceBroadcaster(RosterStore rosters, SessionRegistry sessions, Router router, ServerInfo server,
            ResourceStates states, PresenceRecorder recorder) {
        this.rosters = rosters;
        this.sessions = sessions;
        this.router = router;
        this.server = server;
        this.states = states;
        this.recorder = recorder;
    }

    /** The SENT hook: never consumes, so later hooks (offline delivery) see the presence too. */
    boolean sent(Presence presence) throws StanzaErrorException {
        String type = presence.type();
        Jid from = presence.from();
        if ((type != null && !type.equals("unavailable")) || from == null || !from.isEntityFullJid()) {
            return false; // subscriptions, probes and errors are someone else's
        }
        EntityFullJid resource = from.asEntityFullJidIfPossible();
        Jid to = presence.to();
        if (to != null) {
            states.directed(resource, to, type == null); // §4.6.2; the router delivers it
            return false;
        }
        if (type == null) {
            available(resource, presence);
            return false;
        }
        return unavailable(resource, presence);
    }

    /** §4.2.2 initial and §4.4.2 subsequent presence. */
    private void available(EntityFullJid resource, Presence presence) {
        EntityBareJid user = resource.asEntityBareJid();
        // Read before the resource counts as available: when the roster store is down the
        // presence fails as a whole, and the client's retry is still the initial one (probes).
        List<RosterItem> roster = rosters.roster(user).items();
        boolean initial = states.becomeAvailable(resource);
        recorder.available(resource, presence);
        for (BareJid contact : contacts(roster, true)) {
            router.route(presence.withTo(contact));
        }
        ClientSession self = sessions.find(resource).orElse(null);
        for (ClientSession own : availableSessions(user)) {
            own.deliver(presence.withTo(own.jid())); // including the sender (§4.2.2)
            if (initial && self != null && own != self) {
                self.deliver(own.presence().element().toBuilder()
                        .attribute("from", own.jid().toString()).attribute("to", resource.toString()).build());
            }
        }
        if (initial) {
            for (BareJid contact : contacts(roster, false)) {
                router.route(Element.builder("presence", Namespaces.CLIENT).attribute("type", "probe")
                        .attribute("from", resource.toString()).attribute("to", contact.toString()).build());
            }
            if (self != null) {
                // §3.1.3: requests that arrived while the user was offline.
                rosters.pendingRequests(user).values().forEach(xml -> self.deliver(Xml.parseElement(xml)));
            }
        }
    }

    /**
     * §4.5.2 and §4.6.3: contacts, own resources and directed-presence recipients learn the
     * resource is gone. True (consumed) for the stale unavailable of a session that was replaced
     * by a new one with the same full JID, which is available.
     */
    private boolean unavailable(EntityFullJid resource, Presence presence) {
        ClientSession bound = sessions.find(resource).orElse(null);
        if (bound != null && bound.isAvailable()) {
            return true;
        }
        ResourceStates.State ended = states.end(resource);
        EntityBareJid user = resource.asEntityBareJid();
        List<ClientSession> others = availableSessions(user);
        Set<BareJid> told = new HashSet<>();
        if (ended.available()) {
            // Only what was recorded available can leave; a session that only sent directed
            // presence (§4.6) was never online for the store or last activity (XEP-0012).
            recorder.unavailable(resource, presence, others.isEmpty());
            for (BareJid contact : subscribersOrNone(user)) {
                router.route(presence.withTo(contact));
                told.add(contact);
            }
            others.forEach(own -> own.deliver(presence.withTo(own.jid())));
        }
        for (Jid directed : ended.directed()) {
            if (!told.contains(directed.asBareJid()) && server.isLocal(directed)) {
                router.route(presence.withTo(directed));
            }
        }
        return false;
    }

    /**
     * The contacts to tell that a resource left. With the roster store down they cannot be told,
     * but the own resources and directed-presence recipients still are, and later hooks (rooms
     * the resource was in) still run: an error to a session that has ended helps nobody.
     */
    private List<BareJid> subscribersOrNone(EntityBareJid user) {
        try {
            return contacts(rosters.roster(user).items(), true);
        } catch (StorageException e) {
            LOG.warn("contacts of {} not told that a resource left: {}", user, e.getMessage());
            return List.of();
        }
    }

    private List<ClientSession> availableSessions(EntityBareJid user) {
        List<ClientSession> result = new ArrayList<>();
        for (ClientSession session : sessions.sessions(user)) {
            if (session.isAvailable()) {
                result.add(session);
            }
        }
        return result;
    }

    /** Local contacts subscribed to the user ({@code from}) or the user is subscribed to. */
    private List<BareJid> contacts(List<RosterItem> roster, boolean from) {
        List<BareJid> result = new ArrayList<>();
        for (RosterItem item : roster) {
            Subscription s = item.subscription();
            boolean match = s == Subscription.BOTH || s == (from ? Subscription.FROM : Subscription.TO);
            if (match && server.isLocal(item.jid())) {
                result.add(item.jid());
            }
        }
        return result;
    }
}
