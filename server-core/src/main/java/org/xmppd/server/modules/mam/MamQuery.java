package org.xmppd.server.modules.mam;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jxmpp.jid.Jid;
import org.xmppd.codec.Element;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.storage.ArchiveIds;
import org.xmppd.storage.ArchiveQuery;

/**
 * A parsed XEP-0313 query ({@code <query xmlns='urn:xmpp:mam:2'/>} with its data form, RSM set
 * and {@code <flip-page/>}), for user and room archives alike.
 *
 * @param queryId the client's {@code queryid}, echoed in each result, or null
 * @param query   what to ask the archive store
 * @param flip    whether the page is delivered newest first (XEP-0313 §4.1.3)
 * @param checkedIds ids named by the client (RSM after/before, after-id, before-id) that must exist
 */
public record MamQuery(String queryId, ArchiveQuery query, boolean flip, List<Long> checkedIds) {
    public static final String RSM = "http://jabber.org/protocol/rsm";
    static final String DATA = "jabber:x:data";

    /**
     * Parses {@code <query/>}.
     *
     * @throws StanzaErrorException bad-request for unknown fields or malformed values,
     *                              item-not-found for an id that is not an archive id,
     *                              feature-not-implemented for node queries and RSM index
     */
    public static MamQuery parse(Element query, int defaultMax, int maxMax) throws StanzaErrorException {
        if (query.attributeOrNull("node") != null) {
            throw new StanzaErrorException(StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED, "Node archives are not offered");
        }
        Map<String, List<String>> fields = MamForm.fields(query.childOrNull("x", DATA), query.namespace());
        Filter filter = new Filter();
        List<Long> checked = new ArrayList<>();
        for (Map.Entry<String, List<String>> field : fields.entrySet()) {
            filter.apply(field.getKey(), field.getValue(), checked);
        }
        Element set = query.childOrNull("set", RSM);
        Paging paging = Paging.parse(set, defaultMax, maxMax);
        if (paging.after() != null) {
            checked.add(paging.after());
        }
        if (paging.before() != null) {
            checked.add(paging.before());
        }
        Long after = max(filter.afterId, paging.after());
        Long before = min(filter.beforeId, paging.before());
        boolean fromEnd = paging.fromEnd() && paging.after() == null;
        ArchiveQuery archiveQuery = new ArchiveQuery(filter.with, filter.withResource, filter.start, filter.end,
                after, before, filter.ids, paging.max(), fromEnd);
        boolean flip = query.child("flip-page", query.namespace()).isPresent();
        return new MamQuery(query.attributeOrNull("queryid"), archiveQuery, flip, List.copyOf(checked));
    }

    /** The form fields of the query (XEP-0313 §4.1), gathered as they are read. */
    private static final class Filter {
        String with;
        String withResource;
        Instant start;
        Instant end;
        Long afterId;
        Long beforeId;
        List<Long> ids;

        void apply(String var, List<String> values, List<Long> checked) throws StanzaErrorException {
            String value = values.isEmpty() ? null : values.get(0);
            switch (var) {
                case "FORM_TYPE" -> { } // checked by MamForm
                case "with" -> with(value);
                case "start" -> start = instant(var, value);
                case "end" -> end = instant(var, value);
                case "after-id" -> checked.add(afterId = id(value));
                case "before-id" -> checked.add(beforeId = id(value));
                case "ids" -> {
                    ids = new ArrayList<>();
                    for (String id : values) {
                        long parsed = ArchiveIds.parse(id);
                        if (parsed > 0) {
                            ids.add(parsed); // ids the archive never handed out simply match nothing
                        }
                    }
                }
                default -> throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST,
                        "Unknown field: " + var);
            }
        }

        private void with(String value) throws StanzaErrorException {
            if (value == null || value.isBlank()) {
                return;
            }
            Jid jid = MamJids.parse(value);
            with = jid.asBareJid().toString();
            withResource = jid.hasResource() ? jid.getResourceOrThrow().toString() : null;
        }
    }

    static Instant instant(String var, String value) throws StanzaErrorException {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST,
                    var + " is not an XEP-0082 date and time: " + value);
        }
    }

    /** An archive id named by the client; one we never handed out is item-not-found (XEP-0313 §4.1.2). */
    static long id(String value) throws StanzaErrorException {
        long id = ArchiveIds.parse(value == null ? null : value.strip());
        if (id < 0) {
            throw new StanzaErrorException(StanzaErrorCondition.ITEM_NOT_FOUND, "No message with id " + value);
        }
        return id;
    }

    private static Long max(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(Math.max(a, b));
    }

    private static Long min(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(Math.min(a, b));
    }
}
