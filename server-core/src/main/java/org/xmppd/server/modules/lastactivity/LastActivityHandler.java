package org.xmppd.server.modules.lastactivity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.server.session.ClientSession;
import org.xmppd.server.session.SessionRegistry;
import org.xmppd.storage.LastActivity;
import org.xmppd.storage.PresenceStore;
import org.xmppd.storage.RosterStore;
import org.xmppd.storage.Subscription;

/** Answers {@code jabber:iq:last} for the server and for accounts (XEP-0012 §4, §5). */
final class LastActivityHandler {
    private final Clock clock;
    private final Instant started;
    private final SessionRegistry sessions;
    private final RosterStore rosters;
    private final PresenceStore presence;

    LastActivityHandler(Clock clock, Instant started, SessionRegistry sessions, RosterStore rosters,
            PresenceStore presence) {
        this.clock = clock;
        this.started = started;
        this.sessions = sessions;
        this.rosters = rosters;
        this.presence = presence;
    }

    Element lastActivity(Iq iq) throws StanzaErrorException {
        Jid to = iq.to();
        Jid from = iq.from();
        if (to == null && from != null && from.hasLocalpart()) {
            to = from.asBareJid(); // RFC 6120 §10.3.3: no 'to' asks about the sender's own account
        }
        if (to == null || !to.hasLocalpart()) {
            return iq.result(query(Duration.between(started, clock.instant()), null));
        }
        EntityBareJid account = to.asEntityBareJidIfPossible();
        if (from == null || !mayAsk(account, from.asBareJid())) {
            // §4: only contacts the account shares its presence with may know when it was last seen.
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "Not subscribed to " + account);
        }
        for (ClientSession session : sessions.sessions(account)) {
            if (session.isAvailable()) {
                return iq.result(query(Duration.ZERO, null));
            }
        }
        Optional<LastActivity> last = presence.lastActivity(account);
        if (last.isEmpty()) {
            throw new StanzaErrorException(StanzaErrorCondition.ITEM_NOT_FOUND, account + " has never been online");
        }
        Duration since = Duration.between(last.get().when(), clock.instant());
        return iq.result(query(since.isNegative() ? Duration.ZERO : since, last.get().status()));
    }

    private boolean mayAsk(EntityBareJid account, BareJid asker) {
        if (asker.equals(account)) {
            return true;
        }
        Subscription s = rosters.item(account, asker).map(i -> i.subscription()).orElse(Subscription.NONE);
        return s == Subscription.FROM || s == Subscription.BOTH;
    }

    private static Element query(Duration seconds, String status) {
        return Element.builder("query", LastActivityModule.NAMESPACE)
                .attribute("seconds", Long.toString(seconds.toSeconds()))
                .text(status)
                .build();
    }
}
