package org.xmppd.pubsub.engine;

import java.util.Set;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

/**
 * What the presence and roster access models (XEP-0060 §4.5) ask of an owner's roster, and
 * presence-based delivery of who is online. Owners
 * that are not local accounts have no roster here: both answers are then negative.
 */
public interface Relations {
    /** Whether {@code contact} receives {@code owner}'s presence (the owner's item: from or both). */
    boolean isSubscribedToPresence(BareJid owner, BareJid contact);

    /** The groups {@code contact} is in on {@code owner}'s roster; empty when not on it. */
    Set<String> rosterGroups(BareJid owner, BareJid contact);

    /**
     * Whether {@code jid} (a full JID: that resource; a bare JID: any resource) is online, for
     * {@code pubsub#presence_based_delivery}. Entities whose presence the server does not know
     * count as available.
     */
    default boolean isAvailable(Jid jid) {
        return true;
    }

    /** Nobody has a roster: for services without local owners, and tests. */
    Relations NONE = new Relations() {
        @Override
        public boolean isSubscribedToPresence(BareJid owner, BareJid contact) {
            return false;
        }

        @Override
        public Set<String> rosterGroups(BareJid owner, BareJid contact) {
            return Set.of();
        }
    };
}
