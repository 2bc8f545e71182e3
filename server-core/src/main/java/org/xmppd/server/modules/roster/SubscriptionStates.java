package org.xmppd.server.modules.roster;

import org.xmppd.storage.RosterItem;
import org.xmppd.storage.Subscription;

/**
 * The subscription state tables of RFC 6121 Appendix A, as pure functions of a roster item.
 * {@link RosterItem#askOut()} is "pending out", {@link RosterItem#pendingIn()} "pending in",
 * {@link RosterItem#approved()} a pre-approval (§3.4). Each function returns the new item
 * (the same instance when nothing changes) and whether the stanza goes on.
 */
final class SubscriptionStates {
    /**
     * A transition.
     *
     * @param after   the item after the stanza
     * @param forward whether the stanza goes on: routed to the contact (outbound) or delivered to
     *                the user (inbound)
     * @param granted the contact just got a subscription to the user's presence (from/both)
     * @param revoked the contact just lost its subscription to the user's presence
     */
    record Transition(RosterItem after, boolean forward, boolean granted, boolean revoked) {
        static Transition of(RosterItem after, boolean forward) {
            return new Transition(after, forward, false, false);
        }
    }

    private SubscriptionStates() {
    }

    /** A.2.1: the user asks for the contact's presence; always routed (the contact may resend "subscribed"). */
    static Transition outboundSubscribe(RosterItem item) {
        if (hasTo(item)) {
            return Transition.of(item, true);
        }
        return Transition.of(with(item, item.subscription(), true, item.pendingIn(), item.approved()), true);
    }

    /**
     * A.2.2 and §3.4: the user approves the contact's request; without a pending request it is a
     * pre-approval, kept and not routed.
     */
    static Transition outboundSubscribed(RosterItem item) {
        if (hasFrom(item)) {
            return Transition.of(item, false);
        }
        if (item.pendingIn()) {
            Subscription granted = item.subscription() == Subscription.TO ? Subscription.BOTH : Subscription.FROM;
            return new Transition(with(item, granted, item.askOut(), false, false), true, true, false);
        }
        return Transition.of(with(item, item.subscription(), item.askOut(), false, true), false);
    }

    /** A.2.3: the user cancels its subscription to the contact. */
    static Transition outboundUnsubscribe(RosterItem item) {
        Subscription after = switch (item.subscription()) {
            case TO -> Subscription.NONE;
            case BOTH -> Subscription.FROM;
            default -> item.subscription();
        };
        return Transition.of(with(item, after, false, item.pendingIn(), item.approved()), true);
    }

    /** A.2.4: the user denies a request, cancels the contact's subscription or a pre-approval. */
    static Transition outboundUnsubscribed(RosterItem item) {
        Subscription after = switch (item.subscription()) {
            case FROM -> Subscription.NONE;
            case BOTH -> Subscription.TO;
            default -> item.subscription();
        };
        boolean revoked = hasFrom(item);
        return new Transition(with(item, after, item.askOut(), false, false), true, false, revoked);
    }

    /**
     * A.3.1: the contact asks for the user's presence. Already subscribed: answered by the server
     * (forward false, granted false). Pre-approved: granted at once. Otherwise pending in, delivered.
     */
    static Transition inboundSubscribe(RosterItem item) {
        if (hasFrom(item)) {
            return Transition.of(item, false);
        }
        if (item.approved()) {
            Subscription granted = item.subscription() == Subscription.TO ? Subscription.BOTH : Subscription.FROM;
            return new Transition(with(item, granted, item.askOut(), false, false), false, true, false);
        }
        return Transition.of(with(item, item.subscription(), item.askOut(), true, item.approved()), true);
    }

    /** A.3.2: the contact approved; only meaningful while the user's request is pending. */
    static Transition inboundSubscribed(RosterItem item) {
        if (!item.askOut() || hasTo(item)) {
            return Transition.of(item, false);
        }
        Subscription after = item.subscription() == Subscription.FROM ? Subscription.BOTH : Subscription.TO;
        return Transition.of(with(item, after, false, item.pendingIn(), item.approved()), true);
    }

    /** A.3.3: the contact cancels its subscription to the user (or withdraws its request). */
    static Transition inboundUnsubscribe(RosterItem item) {
        if (!hasFrom(item) && !item.pendingIn()) {
            return Transition.of(item, false);
        }
        Subscription after = switch (item.subscription()) {
            case FROM -> Subscription.NONE;
            case BOTH -> Subscription.TO;
            default -> item.subscription();
        };
        return new Transition(with(item, after, item.askOut(), false, item.approved()), true, false, hasFrom(item));
    }

    /** A.3.4: the contact denies the user's request or cancels the user's subscription. */
    static Transition inboundUnsubscribed(RosterItem item) {
        if (!hasTo(item) && !item.askOut()) {
            return Transition.of(item, false);
        }
        Subscription after = switch (item.subscription()) {
            case TO -> Subscription.NONE;
            case BOTH -> Subscription.FROM;
            default -> item.subscription();
        };
        return Transition.of(with(item, after, false, item.pendingIn(), item.approved()), true);
    }

    static boolean hasFrom(RosterItem item) {
        return item.subscription() == Subscription.FROM || item.subscription() == Subscription.BOTH;
    }

    static boolean hasTo(RosterItem item) {
        return item.subscription() == Subscription.TO || item.subscription() == Subscription.BOTH;
    }

    private static RosterItem with(RosterItem item, Subscription subscription, boolean askOut, boolean pendingIn,
            boolean approved) {
        RosterItem after = new RosterItem(item.jid(), item.name(), subscription, askOut, pendingIn, approved,
                item.groups());
        return after.equals(item) ? item : after;
    }
}
