package org.xmppd.pubsub.caps;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.Namespaces;
import org.xmppd.codec.Presence;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.server.router.Router;
import org.xmppd.server.session.ClientSession;
import org.xmppd.server.session.SessionAttributes;
import org.xmppd.server.session.SessionRegistry;

/**
 * Learns what each connected client supports from the caps in its presence (XEP-0115): a known
 * verification string is answered from the cache; an unknown one is asked once with disco#info
 * (§6.2) from the client's own account, and the verified answer is shared by every client
 * announcing it (§5.4). The listener hears each session's features whenever they change.
 * <pre>
 * C: &lt;presence&gt;&lt;c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='https://app' ver='QgayPK...'/&gt;&lt;/presence&gt;
 * S: &lt;iq type='get' from='bob@example.org' to='bob@example.org/phone' id='caps-1'&gt;
 *      &lt;query xmlns='http://jabber.org/protocol/disco#info' node='https://app#QgayPK...'/&gt;&lt;/iq&gt;
 * </pre>
 */
public final class CapsTracker {
    /** Hears that a session's features changed from {@code before} to {@code after}. */
    @FunctionalInterface
    public interface Listener {
        void featuresChanged(ClientSession session, Set<String> before, Set<String> after);
    }

    /** A session's caps and what they resolved to. */
    private record Known(ClientCaps caps, Set<String> features) {
    }

    private record Pending(EntityFullJid jid, ClientCaps caps) {
    }

    private static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";
    private static final String ID_PREFIX = "xmppd-caps-";
    private static final SessionAttributes.Key<Known> KNOWN = new SessionAttributes.Key<>("caps", Known.class);

    private final Router router;
    private final SessionRegistry sessions;
    private final Listener listener;
    private final Map<String, Set<String>> cache;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    public CapsTracker(Router router, SessionRegistry sessions, int cacheSize, Listener listener) {
        this.router = router;
        this.sessions = sessions;
        this.listener = listener;
        this.cache = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
                return size() > cacheSize;
            }
        };
    }

    /** The features the session's caps resolved to; empty while unknown or without caps. */
    public static Set<String> features(ClientSession session) {
        Known known = session.attributes().get(KNOWN);
        return known == null ? Set.of() : known.features();
    }

    /** The presence hook at SENT: an available broadcast presence may bring new caps. Never consumes. */
    public boolean presenceSent(Presence presence) throws StanzaErrorException {
        Jid from = presence.from();
        if (presence.to() != null || !presence.isAvailable() || from == null || !from.isEntityFullJid()) {
            return false;
        }
        ClientSession session = sessions.find(from.asEntityFullJidIfPossible()).orElse(null);
        if (session == null) {
            return false;
        }
        Optional<ClientCaps> caps = ClientCaps.of(presence);
        Known known = session.attributes().get(KNOWN);
        if (caps.isEmpty()) {
            if (known == null || known.caps() != null) {
                resolved(session, null, Set.of());
            }
            return false;
        }
        if (known != null && caps.get().equals(known.caps())) {
            return false;
        }
        Set<String> cached = caps.get().sharedKey().map(this::cached).orElse(null);
        if (cached != null) {
            resolved(session, caps.get(), cached);
        } else {
            ask(session.jid(), caps.get());
        }
        return false;
    }

    private Set<String> cached(String key) {
        synchronized (cache) {
            return cache.get(key);
        }
    }

    private void ask(EntityFullJid jid, ClientCaps caps) {
        String id = ID_PREFIX + ids.incrementAndGet();
        if (pending.size() > 10_000) {
            pending.clear(); // clients that never answered; their sessions simply keep no features
        }
        pending.put(id, new Pending(jid, caps));
        router.route(Element.builder("iq", Namespaces.CLIENT).attribute("type", "get").attribute("id", id)
                .attribute("from", jid.asBareJid().toString()).attribute("to", jid.toString())
                .child(Element.builder("query", DISCO_INFO).attribute("node", caps.discoNode()).build())
                .build());
    }

    /** The IQ hook at DELIVER: consumes the answers to this tracker's questions. */
    public boolean iqDelivered(Iq iq) throws StanzaErrorException {
        String id = iq.id();
        if (id == null || !id.startsWith(ID_PREFIX) || !iq.isResponse()) {
            return false;
        }
        Pending asked = pending.remove(id);
        if (asked == null || !asked.jid().equals(iq.from())) {
            return asked != null;
        }
        Element query = iq.payload().filter(q -> q.is("query", DISCO_INFO)).orElse(null);
        Set<String> features = query == null || iq.isError() ? Set.of() : features(query);
        if (query != null && !iq.isError() && verified(query, asked.caps())) {
            synchronized (cache) {
                cache.put(asked.caps().sharedKey().orElseThrow(), features);
            }
        }
        sessions.find(asked.jid()).ifPresent(s -> resolved(s, asked.caps(), features));
        return true;
    }

    private static boolean verified(Element query, ClientCaps caps) {
        return caps.hash() != null && Verification.of(query, caps.hash()).map(caps.ver()::equals).orElse(false);
    }

    private static Set<String> features(Element query) {
        Set<String> features = new HashSet<>();
        for (Element feature : query.elements()) {
            if (feature.is("feature", DISCO_INFO) && feature.attributeOrNull("var") != null) {
                features.add(feature.attributeOrNull("var"));
            }
        }
        return Set.copyOf(features);
    }

    private void resolved(ClientSession session, ClientCaps caps, Set<String> features) {
        Set<String> before = features(session);
        session.attributes().set(KNOWN, new Known(caps, features));
        listener.featuresChanged(session, before, features);
    }
}
