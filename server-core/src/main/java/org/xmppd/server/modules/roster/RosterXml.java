package org.xmppd.server.modules.roster;

import java.util.List;
import java.util.TreeSet;
import org.jxmpp.jid.BareJid;
import org.xmppd.codec.Element;
import org.xmppd.storage.RosterItem;

/** The {@code jabber:iq:roster} payloads (RFC 6121 §2.1): queries and items. */
final class RosterXml {
    static final String NAMESPACE = "jabber:iq:roster";

    private RosterXml() {
    }

    /**
     * An item as clients see it (§2.1.2): {@code ask} for pending out, {@code approved} for a
     * pre-approval; the server-side "pending in" state is never shown.
     */
    static Element item(RosterItem item) {
        Element.Builder builder = Element.builder("item", NAMESPACE)
                .attribute("jid", item.jid().toString())
                .attribute("name", item.name())
                .attribute("subscription", item.subscription().attributeValue())
                .attribute("ask", item.askOut() ? "subscribe" : null)
                .attribute("approved", item.approved() ? "true" : null);
        for (String group : new TreeSet<>(item.groups())) {
            builder.textChild("group", NAMESPACE, group);
        }
        return builder.build();
    }

    /** The push of a removed item (§2.5.2). */
    static Element removed(BareJid contact) {
        return Element.builder("item", NAMESPACE)
                .attribute("jid", contact.toString())
                .attribute("subscription", "remove")
                .build();
    }

    /** A query holding {@code items}, with {@code ver} when not null (§2.6). */
    static Element query(String version, List<Element> items) {
        return Element.builder("query", NAMESPACE).attribute("ver", version).children(items).build();
    }
}
