package org.xmppd.server.modules.mam;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

import org.jxmpp.jid.EntityBareJid;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.storage.ArchiveIds;
import org.xmppd.storage.ArchivePage;
import org.xmppd.storage.ArchiveStore;

/**
 * Answers XEP-0313 queries, form requests and metadata requests about one archive, an account's
 * or a room's: who may read it is the caller's business. Every read first waits for the
 * {@link ArchiveWriter}, so a query sees every message archived before it.
 */
public final class ArchiveReader {
    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(5);

    private final ArchiveStore store;
    private final ArchiveWriter writer;
    private final int defaultPageSize;
    private final int maxPageSize;

    public ArchiveReader(ArchiveStore store, ArchiveWriter writer, int defaultPageSize, int maxPageSize) {
        this.store = store;
        this.writer = writer;
        this.defaultPageSize = defaultPageSize;
        this.maxPageSize = maxPageSize;
    }

    /**
     * §4: hands each result message of the query in {@code iq} to {@code results} (in delivery
     * order, {@code from} the archive) and returns the IQ result with {@code <fin/>}.
     *
     * @throws StanzaErrorException bad-request for a bad query, item-not-found for an id the archive lacks
     */
    public Element query(Iq iq, EntityBareJid archive, Consumer<Element> results) throws StanzaErrorException {
        MamQuery query = MamQuery.parse(iq.payload().orElseThrow(), defaultPageSize, maxPageSize);
        requireExisting(archive, query.checkedIds());
        ArchivePage page = store.query(archive, query.query());
        MamResults.messages(iq, archive.toString(), query, page, MamModule.NAMESPACE).forEach(results);
        return MamResults.fin(iq, query, page, MamModule.NAMESPACE);
    }

    /** §4.1.1: the search form. */
    public Element form(Iq iq) {
        return iq.result(Element.builder("query", MamModule.NAMESPACE)
                .child(MamForm.searchForm(MamModule.NAMESPACE)).build());
    }

    /** §7: the archive's first and last message ids and times (empty when it has none). */
    public Element metadata(Iq iq, EntityBareJid archive) {
        writer.flush(FLUSH_TIMEOUT);
        Element.Builder metadata = Element.builder("metadata", MamModule.NAMESPACE);
        Optional<ArchiveStore.ArchiveBounds> bounds = store.bounds(archive);
        bounds.ifPresent(b -> metadata.child(bound("start", b.first())).child(bound("end", b.last())));
        return iq.result(metadata.build());
    }

    /** Waits for the writer and fails unless {@code archive} has every one of {@code ids}. */
    void requireExisting(EntityBareJid archive, Iterable<Long> ids) throws StanzaErrorException {
        writer.flush(FLUSH_TIMEOUT);
        for (long id : ids) {
            if (store.find(archive, id).isEmpty()) {
                throw new StanzaErrorException(StanzaErrorCondition.ITEM_NOT_FOUND,
                        "No message with id " + ArchiveIds.format(id));
            }
        }
    }

    private static Element bound(String name, long id) {
        return Element.builder(name, MamModule.NAMESPACE).attribute("id", ArchiveIds.format(id))
                .attribute("timestamp", MamResults.stamp(ArchiveIds.instantOf(id))).build();
    }
}
