package org.xmppd.server.modules.register;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.Namespaces;
import org.xmppd.codec.StreamErrorCondition;
import org.xmppd.server.module.ModuleContext;
import org.xmppd.server.session.ClientSession;
import org.xmppd.storage.RosterItem;
import org.xmppd.storage.Subscription;

/**
 * XEP-0077 §3.2: a user cancels their registration. The server cancels the account's presence
 * subscriptions (as RFC 6121 §3.2-3.3 would for each contact), deletes everything stored for it,
 * confirms, and then ends every session of the account with the {@code not-authorized} stream
 * error the XEP asks for.
 */
final class AccountRemoval {
    private static final Logger LOG = LoggerFactory.getLogger(AccountRemoval.class);

    /**
     * How long the sessions stay open after the confirmation. A client that closes its stream as
     * soon as it reads the result (Smack does) gets a clean close; a stream error crossing its own
     * {@code </stream:stream>} leaves Smack waiting for our closing tag until its reply timeout.
     */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(1);

    private final ModuleContext context;

    AccountRemoval(ModuleContext context) {
        this.context = context;
    }

    /** Removes {@code user}, answering {@code request} itself before the streams close. */
    void remove(Iq request, EntityBareJid user) {
        List<ClientSession> sessions = context.sessions().sessions(user);
        cancelSubscriptions(user, sessions);
        context.accountRemoved(user);
        // Last, so that a storage failure above leaves an account the user can still log in to.
        context.storage().users().delete(user);
        LOG.info("account {} removed in-band", user);
        context.router().route(request.emptyResult());
        context.scheduler().schedule(() -> endSessions(user, sessions), CLOSE_GRACE.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Ends the removed account's sessions: those it had, not a new account's of the same name. */
    private void endSessions(EntityBareJid user, List<ClientSession> sessions) {
        for (ClientSession session : sessions) {
            session.close(StreamErrorCondition.NOT_AUTHORIZED, "The account has been removed");
        }
        // A closing session leaves its last presence and activity behind (RFC 6121 §4.5.3, XEP-0012),
        // and the grace period may have stored more: it all belongs to the removed account, unless
        // the name was registered again meanwhile.
        if (!context.storage().users().exists(user)) {
            context.accountRemoved(user);
        }
    }

    /**
     * Contacts that receive the user's presence get unavailable and {@code unsubscribed}
     * (RFC 6121 §3.2.2); contacts the user receives presence from get {@code unsubscribe} (§3.3.2).
     * Pending requests in either direction are cancelled the same way.
     */
    private void cancelSubscriptions(EntityBareJid user, List<ClientSession> sessions) {
        for (RosterItem item : context.storage().roster().roster(user).items()) {
            Subscription subscription = item.subscription();
            boolean theyReceive = subscription == Subscription.FROM || subscription == Subscription.BOTH;
            boolean userReceives = subscription == Subscription.TO || subscription == Subscription.BOTH;
            if (theyReceive) {
                sessions.stream().filter(ClientSession::isAvailable)
                        .forEach(s -> send(s.jid().toString(), item.jid(), "unavailable"));
            }
            if (theyReceive || item.pendingIn()) {
                send(user.toString(), item.jid(), "unsubscribed");
            }
            if (userReceives || item.askOut()) {
                send(user.toString(), item.jid(), "unsubscribe");
            }
        }
    }

    private void send(String from, BareJid to, String type) {
        context.router().route(Element.builder("presence", Namespaces.CLIENT)
                .attribute("from", from).attribute("to", to.toString()).attribute("type", type).build());
    }
}
