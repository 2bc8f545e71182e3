package org.xmppd.server.modules.mam;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.server.session.ClientSession;
import org.xmppd.server.session.SessionRegistry;
import org.xmppd.storage.ArchiveIds;
import org.xmppd.storage.ArchivePage;
import org.xmppd.storage.ArchiveStore;

/**
 * The IQs a user sends about their own archive: queries and the query form (XEP-0313 §4),
 * metadata (§7), preferences (§6), and deleting messages from one's own view
 * ({@link #DELETE_NAMESPACE}, ours: the others' copies stay).
 */
final class AccountArchiveHandlers {
    /** {@code <delete xmlns='urn:xmppd:mam:delete:0'><item id='...'/></delete>}: removes messages from one's own archive. */
    static final String DELETE_NAMESPACE = "urn:xmppd:mam:delete:0";
    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(5);

    private final ArchiveStore store;
    private final ArchiveWriter writer;
    private final ArchivingPolicy policy;
    private final SessionRegistry sessions;
    private final MamConfig config;

    AccountArchiveHandlers(ArchiveStore store, ArchiveWriter writer, ArchivingPolicy policy, SessionRegistry sessions,
            MamConfig config) {
        this.store = store;
        this.writer = writer;
        this.policy = policy;
        this.sessions = sessions;
        this.config = config;
    }

    Element query(Iq iq) throws StanzaErrorException {
        EntityBareJid owner = ownArchive(iq);
        MamQuery query = MamQuery.parse(iq.payload().orElseThrow(), config.defaultPageSize(), config.maxPageSize());
        writer.flush(FLUSH_TIMEOUT);
        for (long id : query.checkedIds()) {
            if (store.find(owner, id).isEmpty()) {
                throw new StanzaErrorException(StanzaErrorCondition.ITEM_NOT_FOUND,
                        "No message with id " + ArchiveIds.format(id));
            }
        }
        ArchivePage page = store.query(owner, query.query());
        ClientSession session = sessions.find(iq.from().asEntityFullJidIfPossible()).orElse(null);
        if (session != null) {
            MamResults.messages(iq, owner.toString(), query, page, MamModule.NAMESPACE).forEach(session::deliver);
        }
        return MamResults.fin(iq, query, page, MamModule.NAMESPACE);
    }

    Element form(Iq iq) throws StanzaErrorException {
        ownArchive(iq);
        return iq.result(Element.builder("query", MamModule.NAMESPACE)
                .child(MamForm.searchForm(MamModule.NAMESPACE)).build());
    }

    Element metadata(Iq iq) throws StanzaErrorException {
        EntityBareJid owner = ownArchive(iq);
        writer.flush(FLUSH_TIMEOUT);
        Element.Builder metadata = Element.builder("metadata", MamModule.NAMESPACE);
        Optional<ArchiveStore.ArchiveBounds> bounds = store.bounds(owner);
        bounds.ifPresent(b -> metadata.child(bound("start", b.first())).child(bound("end", b.last())));
        return iq.result(metadata.build());
    }

    Element getPrefs(Iq iq) throws StanzaErrorException {
        return iq.result(policy.prefs(ownArchive(iq)).toXml(MamModule.NAMESPACE));
    }

    Element setPrefs(Iq iq) throws StanzaErrorException {
        EntityBareJid owner = ownArchive(iq);
        ArchivePrefs prefs = ArchivePrefs.fromXml(iq.payload().orElseThrow());
        policy.set(owner, prefs);
        return iq.result(prefs.toXml(MamModule.NAMESPACE));
    }

    /** Removes the named messages from the user's own archive; all or nothing. */
    Element delete(Iq iq) throws StanzaErrorException {
        EntityBareJid owner = ownArchive(iq);
        List<Long> ids = new ArrayList<>();
        for (Element item : iq.payload().orElseThrow().elements()) {
            if (item.is("item", DELETE_NAMESPACE)) {
                ids.add(MamQuery.id(item.attributeOrNull("id")));
            }
        }
        if (ids.isEmpty()) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Name the messages: <item id='...'/>");
        }
        writer.flush(FLUSH_TIMEOUT);
        for (long id : ids) {
            if (store.find(owner, id).isEmpty()) {
                throw new StanzaErrorException(StanzaErrorCondition.ITEM_NOT_FOUND,
                        "No message with id " + ArchiveIds.format(id));
            }
        }
        ids.forEach(id -> store.delete(owner, id));
        return iq.emptyResult();
    }

    private static Element bound(String name, long id) {
        return Element.builder(name, MamModule.NAMESPACE).attribute("id", ArchiveIds.format(id))
                .attribute("timestamp", MamResults.stamp(ArchiveIds.instantOf(id))).build();
    }

    /** The sender's own account: nobody reads or changes another user's archive. */
    private static EntityBareJid ownArchive(Iq iq) throws StanzaErrorException {
        Jid from = iq.from();
        Jid to = iq.to();
        if (from == null || !from.hasLocalpart() || (to != null && !to.equals(from.asBareJid()))) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "Only the owner can use an archive");
        }
        return from.asEntityBareJidIfPossible();
    }
}
