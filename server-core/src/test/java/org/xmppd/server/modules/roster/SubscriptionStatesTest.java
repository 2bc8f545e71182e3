package org.xmppd.server.modules.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.storage.RosterItem;
import org.xmppd.storage.Subscription;

/** The state tables of RFC 6121 Appendix A, row by row. */
class SubscriptionStatesTest {
    private static final BareJid CONTACT = JidCreate.bareFromOrThrowUnchecked("juliet@example.com");

    /** Shorthand: subscription, pending out, pending in, pre-approved. */
    private static RosterItem item(Subscription s, boolean out, boolean in, boolean approved) {
        return new RosterItem(CONTACT, "Juliet", s, out, in, approved, Set.of("Friends"));
    }

    private static void row(Function<RosterItem, SubscriptionStates.Transition> table, RosterItem before,
            RosterItem after, boolean forward) {
        SubscriptionStates.Transition t = table.apply(before);
        assertEquals(after, t.after(), "state after " + before);
        assertEquals(forward, t.forward(), "forwarded from " + before);
    }

    @Test
    void outboundSubscribe() {
        row(SubscriptionStates::outboundSubscribe, item(Subscription.NONE, false, false, false),
                item(Subscription.NONE, true, false, false), true);
        row(SubscriptionStates::outboundSubscribe, item(Subscription.NONE, false, true, false),
                item(Subscription.NONE, true, true, false), true);
        row(SubscriptionStates::outboundSubscribe, item(Subscription.FROM, false, false, false),
                item(Subscription.FROM, true, false, false), true);
        RosterItem both = item(Subscription.BOTH, false, false, false);
        assertSame(both, SubscriptionStates.outboundSubscribe(both).after(), "no change keeps the instance");
    }

    @Test
    void outboundSubscribedApprovesOrPreApproves() {
        SubscriptionStates.Transition approve = SubscriptionStates.outboundSubscribed(
                item(Subscription.NONE, true, true, false));
        assertEquals(item(Subscription.FROM, true, false, false), approve.after());
        assertTrue(approve.forward() && approve.granted());
        row(SubscriptionStates::outboundSubscribed, item(Subscription.TO, false, true, false),
                item(Subscription.BOTH, false, false, false), true);
        row(SubscriptionStates::outboundSubscribed, item(Subscription.NONE, false, false, false),
                item(Subscription.NONE, false, false, true), false);
        row(SubscriptionStates::outboundSubscribed, item(Subscription.TO, false, false, false),
                item(Subscription.TO, false, false, true), false);
        row(SubscriptionStates::outboundSubscribed, item(Subscription.FROM, false, false, false),
                item(Subscription.FROM, false, false, false), false);
    }

    @Test
    void outboundUnsubscribeAndUnsubscribed() {
        row(SubscriptionStates::outboundUnsubscribe, item(Subscription.BOTH, false, false, false),
                item(Subscription.FROM, false, false, false), true);
        row(SubscriptionStates::outboundUnsubscribe, item(Subscription.NONE, true, true, false),
                item(Subscription.NONE, false, true, false), true);
        SubscriptionStates.Transition cancel = SubscriptionStates.outboundUnsubscribed(
                item(Subscription.BOTH, false, false, false));
        assertEquals(item(Subscription.TO, false, false, false), cancel.after());
        assertTrue(cancel.revoked());
        SubscriptionStates.Transition deny = SubscriptionStates.outboundUnsubscribed(
                item(Subscription.NONE, true, true, false));
        assertEquals(item(Subscription.NONE, true, false, false), deny.after());
        assertFalse(deny.revoked());
        row(SubscriptionStates::outboundUnsubscribed, item(Subscription.NONE, false, false, true),
                item(Subscription.NONE, false, false, false), true);
    }

    @Test
    void inboundSubscribe() {
        row(SubscriptionStates::inboundSubscribe, item(Subscription.NONE, false, false, false),
                item(Subscription.NONE, false, true, false), true);
        row(SubscriptionStates::inboundSubscribe, item(Subscription.TO, false, false, false),
                item(Subscription.TO, false, true, false), true);
        SubscriptionStates.Transition known = SubscriptionStates.inboundSubscribe(
                item(Subscription.FROM, false, false, false));
        assertFalse(known.forward() || known.granted(), "already subscribed: answered by the server");
        SubscriptionStates.Transition preApproved = SubscriptionStates.inboundSubscribe(
                item(Subscription.TO, false, false, true));
        assertEquals(item(Subscription.BOTH, false, false, false), preApproved.after());
        assertTrue(preApproved.granted());
        assertFalse(preApproved.forward());
    }

    @Test
    void inboundSubscribedOnlyWhilePendingOut() {
        row(SubscriptionStates::inboundSubscribed, item(Subscription.NONE, true, false, false),
                item(Subscription.TO, false, false, false), true);
        row(SubscriptionStates::inboundSubscribed, item(Subscription.FROM, true, true, false),
                item(Subscription.BOTH, false, true, false), true);
        row(SubscriptionStates::inboundSubscribed, item(Subscription.NONE, false, false, false),
                item(Subscription.NONE, false, false, false), false);
        row(SubscriptionStates::inboundSubscribed, item(Subscription.TO, false, false, false),
                item(Subscription.TO, false, false, false), false);
    }

    @Test
    void inboundUnsubscribeAndUnsubscribed() {
        SubscriptionStates.Transition cancel = SubscriptionStates.inboundUnsubscribe(
                item(Subscription.BOTH, false, false, false));
        assertEquals(item(Subscription.TO, false, false, false), cancel.after());
        assertTrue(cancel.forward() && cancel.revoked());
        row(SubscriptionStates::inboundUnsubscribe, item(Subscription.NONE, true, true, false),
                item(Subscription.NONE, true, false, false), true);
        row(SubscriptionStates::inboundUnsubscribe, item(Subscription.TO, false, false, false),
                item(Subscription.TO, false, false, false), false);
        row(SubscriptionStates::inboundUnsubscribed, item(Subscription.BOTH, false, false, false),
                item(Subscription.FROM, false, false, false), true);
        row(SubscriptionStates::inboundUnsubscribed, item(Subscription.NONE, true, true, false),
                item(Subscription.NONE, false, true, false), true);
        row(SubscriptionStates::inboundUnsubscribed, item(Subscription.FROM, false, false, false),
                item(Subscription.FROM, false, false, false), false);
    }
}
