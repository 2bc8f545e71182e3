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
import org.xmppd.server.module.IqRoute;
import org.xmppd.server.module.ModuleContext;
import org.xmppd.server.module.Xep;
import org.xmppd.server.module.XmppModule;
import org.xmppd.server.session.ClientSession;
import org.xmppd.server.session.SessionRegistry;
import org.xmppd.storage.LastActivity;
import org.xmppd.storage.PresenceStore;
import org.xmppd.storage.RosterStore;
import org.xmppd.storage.Subscription;

/**
 * XEP-0012: Last Activity. The server answers with its uptime (§5); an account's bare JID with
 * the seconds since its last resource went offline and that presence's status (§4), or 0 while
 * it has an available resource. Full JIDs reach the client itself (§3), through the router.
 * <pre>
 * C: &lt;iq type='get' to='juliet@example.com' id='l1'&gt;&lt;query xmlns='jabber:iq:last'/&gt;&lt;/iq&gt;
 * S: &lt;iq type='result' from='juliet@example.com' id='l1'&gt;&lt;query xmlns='jabber:iq:last' seconds='903'&gt;Heading Home&lt;/query&gt;&lt;/iq&gt;
 * </pre>
 */
@Xep(number = 12, version = "2.0")
public final class LastActivityModule implements XmppModule {
    public static final String NAMESPACE = "jabber:iq:last";

    private final Clock clock;
    private Instant started;
    private SessionRegistry sessions;
    private RosterStore rosters;
    private PresenceStore presence;

    public LastActivityModule() {
        this(Clock.systemUTC());
    }

    LastActivityModule(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "lastactivity";
    }

    @Override
    public void start(ModuleContext context) {
        started = clock.instant();
        sessions = context.sessions();
        rosters = context.storage().roster();
        presence = context.storage().presence();
        context.onIq(IqRoute.get("query", NAMESPACE).toServer().toAccounts(), this::lastActivity);
    }

    private Element lastActivity(Iq iq) throws StanzaErrorException {
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
        return Element.builder("query", NAMESPACE)
                .attribute("seconds", Long.toString(seconds.toSeconds()))
                .text(status)
                .build();
    }
}
