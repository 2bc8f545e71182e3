package org.xmppd.pubsub.bookmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.pubsub.engine.Item;
import org.xmppd.pubsub.engine.NodeConfigFields;
import org.xmppd.pubsub.engine.Notification;
import org.xmppd.pubsub.engine.PubSubService;
import org.xmppd.pubsub.engine.Result;
import org.xmppd.pubsub.xml.Payloads;
import org.xmppd.server.modules.privatexml.PrivateXmlModule;
import org.xmppd.server.modules.privatexml.PrivateXmlStore;

/**
 * XEP-0402 §5.3 {@code #compat}: a private XML set of {@code storage:bookmarks} (XEP-0049) is
 * mirrored onto the {@code urn:xmpp:bookmarks:1} PEP node (items published or retracted, so
 * clients following the node hear of it), and a change of that node rewrites the private XML
 * (its {@code <url/>} bookmarks kept). The private XML is read and written through the private
 * storage module's {@link PrivateXmlStore}.
 */
public final class BookmarksCompat {
    public static final String FEATURE = Conference.NATIVE + "#compat";
    /** The XEP-0402 node. */
    public static final String NODE = Conference.NATIVE;
    private static final Logger LOG = LoggerFactory.getLogger(BookmarksCompat.class);
    private static final String PRIVATE = PrivateXmlModule.NAMESPACE;
    /** XEP-0402 §3: the node keeps every bookmark, for the owner only, and never pushes the last one. */
    private static final Map<String, List<String>> NODE_OPTIONS = Map.of(
            NodeConfigFields.PERSIST_ITEMS, List.of("true"),
            NodeConfigFields.MAX_ITEMS, List.of(NodeConfigFields.MAX),
            NodeConfigFields.SEND_LAST, List.of("never"),
            NodeConfigFields.ACCESS_MODEL, List.of("whitelist"));

    /** Sends what the engine asks to announce. */
    @FunctionalInterface
    public interface Announcer {
        void announce(List<Notification> notifications);
    }

    private final PrivateXmlStore store;
    private final java.util.function.Function<EntityBareJid, PubSubService> services;
    private final Announcer announcer;

    public BookmarksCompat(PrivateXmlStore store, java.util.function.Function<EntityBareJid, PubSubService> services,
            Announcer announcer) {
        this.store = store;
        this.services = services;
        this.announcer = announcer;
    }

    /** The IQ hook at SENT: a private XML set of bookmarks is mirrored to PEP. Never consumes. */
    public boolean privateSet(Iq iq) throws StanzaErrorException {
        if (!"set".equals(iq.type()) || iq.from() == null || !iq.from().hasLocalpart()) {
            return false;
        }
        Element query = iq.payload().filter(p -> p.is("query", PRIVATE)).orElse(null);
        Jid to = iq.to();
        Element storage = query == null ? null : query.childOrNull("storage", Conference.LEGACY);
        if (storage == null || (to != null && !to.equals(iq.from().asBareJid()))) {
            return false;
        }
        EntityBareJid owner = iq.from().asEntityBareJidIfPossible();
        Map<String, Conference> wanted = new LinkedHashMap<>();
        for (Element conference : storage.elements()) {
            if (conference.is("conference", Conference.LEGACY)) {
                Conference.fromLegacy(conference).ifPresent(c -> wanted.put(c.jid(), c));
            }
        }
        mirrorToPep(owner, wanted);
        return false;
    }

    private void mirrorToPep(EntityBareJid owner, Map<String, Conference> wanted) {
        PubSubService pep = services.apply(owner);
        Map<String, Conference> current = nativeBookmarks(pep, owner);
        boolean exists = pep.node(Conference.NATIVE).isPresent();
        for (Conference conference : wanted.values()) {
            Conference previous = current.get(conference.jid());
            Conference merged = previous == null ? conference : conference.withExtensionsOf(previous);
            if (!merged.equals(previous)) {
                Result<String> published = pep.publish(owner, Conference.NATIVE, merged.jid(),
                        merged.toNative().toXml(), true, exists ? null : NODE_OPTIONS);
                exists = true;
                report(published);
            }
        }
        for (String gone : current.keySet()) {
            if (!wanted.containsKey(gone)) {
                report(pep.retract(owner, Conference.NATIVE, gone, true));
            }
        }
    }

    private <T> void report(Result<T> result) {
        if (result instanceof Result.Failed<T> failed) {
            LOG.warn("bookmarks compat: PEP refused a bookmark change: {} ({})", failed.error(), failed.text());
        } else {
            announcer.announce(result.notifications());
        }
    }

    /** After a change of the PEP node: rewrites the private XML bookmarks from it, keeping URL bookmarks. */
    public void pepChanged(EntityBareJid owner) {
        PubSubService pep = services.apply(owner);
        Element.Builder storage = Element.builder("storage", Conference.LEGACY);
        nativeBookmarks(pep, owner).values().forEach(c -> storage.child(c.toLegacy()));
        store.get(owner, Conference.LEGACY).stream().filter(e -> e.is("storage", Conference.LEGACY)).findFirst()
                .ifPresent(old -> old.elements().stream().filter(e -> e.is("url", Conference.LEGACY))
                        .forEach(storage::child));
        store.put(owner, Conference.LEGACY, List.of(storage.build()));
    }

    private static Map<String, Conference> nativeBookmarks(PubSubService pep, EntityBareJid owner) {
        Map<String, Conference> bookmarks = new LinkedHashMap<>();
        Result<List<Item>> items = pep.items(owner, Conference.NATIVE, List.of(), 0);
        if (!items.isOk()) {
            return bookmarks;
        }
        List<Item> oldestFirst = new java.util.ArrayList<>(items.value());
        java.util.Collections.reverse(oldestFirst);
        for (Item item : oldestFirst) {
            Element payload = Payloads.element(item);
            if (payload != null && payload.is("conference", Conference.NATIVE)) {
                bookmarks.put(item.id(), Conference.fromNative(item.id(), payload));
            }
        }
        return bookmarks;
    }
}
