package org.xmppd.storage;

import java.util.Objects;
import java.util.Set;

import org.jxmpp.jid.BareJid;

/**
 * One roster item (RFC 6121 §2.1). Group names and the item name are kept as given.
 *
 * @param jid          the contact
 * @param name         the handle the owner gave the contact; null when none
 * @param subscription the subscription state (§2.1.2.5)
 * @param askOut       the owner's outbound subscription request is pending ({@code ask='subscribe'}, §2.1.2.2)
 * @param pendingIn    the contact's inbound request awaits the owner's answer (§3.1.3)
 * @param approved     the owner pre-approved a request from the contact (§3.4)
 * @param groups       the groups the item belongs to; empty when none
 */
public record RosterItem(BareJid jid, String name, Subscription subscription, boolean askOut, boolean pendingIn,
        boolean approved, Set<String> groups) {
    public RosterItem {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(subscription, "subscription");
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    /** A plain item without name, groups, pending requests or pre-approval. */
    public static RosterItem of(BareJid jid, Subscription subscription) {
        return new RosterItem(jid, null, subscription, false, false, false, Set.of());
    }
}
