package org.xmppd.server.modules.mam;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.Namespaces;
import org.xmppd.server.module.Xml;
import org.xmppd.storage.ArchiveIds;
import org.xmppd.storage.ArchivePage;
import org.xmppd.storage.ArchivedMessage;

/**
 * The answer to an XEP-0313 query: one {@code <message><result/></message>} per archived
 * message (XEP-0313 §4.2), then the IQ result with {@code <fin/>} and its RSM set.
 */
public final class MamResults {
    static final String FORWARD = "urn:xmpp:forward:0";
    static final String DELAY = "urn:xmpp:delay";

    private MamResults() {
    }

    /**
     * The result messages of {@code page} for {@code iq}'s sender, in delivery order.
     *
     * @param archive the archive's JID for the {@code from} of each result (the account or the room)
     */
    public static List<Element> messages(Iq iq, String archive, MamQuery query, ArchivePage page, String namespace) {
        List<Element> results = new ArrayList<>();
        for (ArchivedMessage message : ordered(query, page)) {
            Element.Builder result = Element.builder("result", namespace).attribute("id", ArchiveIds.format(message.id()));
            if (query.queryId() != null) {
                result.attribute("queryid", query.queryId());
            }
            result.child(Element.builder("forwarded", FORWARD)
                    .child(Element.builder("delay", DELAY).attribute("stamp", stamp(message.stamp())).build())
                    .child(Xml.parseElement(message.stanzaXml()))
                    .build());
            results.add(Element.builder("message", Namespaces.CLIENT)
                    .attribute("from", archive)
                    .attribute("to", iq.element().attributeOrNull("from"))
                    .attribute("id", ArchiveIds.format(message.id()) + "-" + results.size())
                    .child(result.build())
                    .build());
        }
        return results;
    }

    /** The IQ result closing the query: {@code <fin/>} with completeness and the page's first and last ids. */
    public static Element fin(Iq iq, MamQuery query, ArchivePage page, String namespace) {
        Element.Builder set = Element.builder("set", MamQuery.RSM);
        List<ArchivedMessage> ordered = ordered(query, page);
        if (!ordered.isEmpty()) {
            set.textChild("first", MamQuery.RSM, ArchiveIds.format(ordered.get(0).id()));
            set.textChild("last", MamQuery.RSM, ArchiveIds.format(ordered.get(ordered.size() - 1).id()));
        }
        Element.Builder fin = Element.builder("fin", namespace).child(set.build());
        if (page.complete()) {
            fin.attribute("complete", "true");
        }
        return iq.result(fin.build());
    }

    static String stamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static List<ArchivedMessage> ordered(MamQuery query, ArchivePage page) {
        if (!query.flip()) {
            return page.messages();
        }
        List<ArchivedMessage> flipped = new ArrayList<>(page.messages());
        Collections.reverse(flipped);
        return flipped;
    }
}
