package org.xmppd.server.modules.roster;

import java.util.Map;
import java.util.function.Function;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;
import org.xmppd.codec.Presence;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.server.router.Router;
import org.xmppd.storage.RosterItem;

/**
 * Presence subscriptions (RFC 6121 §3): the user's server processes what the user sends
 * ("outbound", at SENT) and what arrives for the user ("inbound", at DELIVER), each side
 * updating only its own account's roster as two servers would. A local contact's inbound
 * processing runs when the stamped stanza is routed to it.
 * <pre>
 * U: &lt;presence to='juliet@example.com' type='subscribe'/&gt;
 * S→U: roster push, ask='subscribe'      S→J: &lt;presence from='romeo@example.net' type='subscribe'/&gt;
 * J: &lt;presence to='romeo@example.net' type='subscribed'/&gt;
 * S→J: roster push, subscription='from'  S→U: subscribed, roster push subscription='to', J's presence
 * </pre>
 */
final class SubscriptionHandler {
    private static final Map<String, Function<RosterItem, SubscriptionStates.Transition>> OUTBOUND = Map.of(
            "subscribe", SubscriptionStates::outboundSubscribe,
            "subscribed", SubscriptionStates::outboundSubscribed,
            "unsubscribe", SubscriptionStates::outboundUnsubscribe,
            "unsubscribed", SubscriptionStates::outboundUnsubscribed);
    private static final Map<String, Function<RosterItem, SubscriptionStates.Transition>> INBOUND = Map.of(
            "subscribe", SubscriptionStates::inboundSubscribe,
            "subscribed", SubscriptionStates::inboundSubscribed,
            "unsubscribe", SubscriptionStates::inboundUnsubscribe,
            "unsubscribed", SubscriptionStates::inboundUnsubscribed);

    private final RosterEditor editor;
    private final InterestedResources interested;
    private final Router router;
    private final PresenceSharing sharing;

    SubscriptionHandler(RosterEditor editor, InterestedResources interested, Router router, PresenceSharing sharing) {
        this.editor = editor;
        this.interested = interested;
        this.router = router;
        this.sharing = sharing;
    }

    /** A subscription stanza sent by a local user (Appendix A.2); consumed, routed stamped with the bare JID. */
    boolean outbound(Presence presence) throws StanzaErrorException {
        Function<RosterItem, SubscriptionStates.Transition> table = OUTBOUND.get(String.valueOf(presence.type()));
        Jid from = presence.from();
        if (table == null || from == null || !from.hasLocalpart()) {
            return false;
        }
        Jid to = presence.to();
        if (to == null) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "A subscription stanza needs a 'to'");
        }
        EntityBareJid user = from.asEntityBareJidIfPossible();
        BareJid contact = to.asBareJid();
        if (contact.equals(user)) {
            return true; // an account always sees its own presence; nothing to subscribe to
        }
        RosterEditor.Edit edit = editor.transition(user, contact, table, null);
        pushIfChanged(user, edit);
        SubscriptionStates.Transition transition = edit.transition();
        if (transition.forward()) {
            // §3.1.2: routed from the bare JID, to the bare JID.
            router.route(presence.element().toBuilder()
                    .attribute("from", user.toString()).attribute("to", contact.toString()).build());
        }
        if (transition.granted()) {
            sharing.sendPresence(user, contact); // §3.1.5
        }
        if (transition.revoked()) {
            sharing.sendUnavailable(user, contact); // §3.2.2
        }
        return true;
    }

    /** A subscription stanza for a local user (Appendix A.3); consumed. */
    boolean inbound(Presence presence) throws StanzaErrorException {
        Function<RosterItem, SubscriptionStates.Transition> table = INBOUND.get(String.valueOf(presence.type()));
        Jid to = presence.to();
        Jid from = presence.from();
        if (table == null || to == null || !to.hasLocalpart() || from == null) {
            return false;
        }
        EntityBareJid user = to.asEntityBareJidIfPossible();
        BareJid contact = from.asBareJid();
        if (contact.equals(user)) {
            return true;
        }
        Element stamped = presence.element().toBuilder()
                .attribute("from", contact.toString()).attribute("to", user.toString()).build();
        boolean request = "subscribe".equals(presence.type());
        RosterEditor.Edit edit = editor.transition(user, contact, table, request ? stamped.toXml() : null);
        RosterItem before = edit.before();
        pushIfChanged(user, edit);
        SubscriptionStates.Transition transition = edit.transition();
        if (request && (transition.granted() || SubscriptionStates.hasFrom(before))) {
            // §3.1.3 (already subscribed) and §3.4 (pre-approved): the server answers for the user.
            router.route(Element.builder("presence", Namespaces.CLIENT).attribute("type", "subscribed")
                    .attribute("from", user.toString()).attribute("to", contact.toString()).build());
            sharing.sendPresence(user, contact);
        }
        if (transition.forward()) {
            // Without a resource to show it to, a request waits as the kept request (§3.1.3).
            interested.interestedOrAvailable(user).forEach(s -> s.deliver(stamped));
        }
        if (transition.revoked()) {
            sharing.sendUnavailable(user, contact); // §3.3.3: the contact no longer gets the user's presence
        }
        return true;
    }

    private void pushIfChanged(EntityBareJid user, RosterEditor.Edit edit) {
        if (edit.pushed()) {
            interested.push(user, RosterXml.item(edit.after()), edit.version());
        }
    }
}
