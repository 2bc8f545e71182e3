package org.xmppd.server.modules.register;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Localpart;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.codec.StanzaErrors;
import org.xmppd.server.module.IqRoute;
import org.xmppd.server.module.ModuleContext;
import org.xmppd.server.module.Xep;
import org.xmppd.server.module.XmppModule;

/**
 * XEP-0077 for a logged-in user: the registration they hold (§3.1), password change (§3.3) and
 * account removal (§3.2). Always loaded, whatever {@code registration.enabled} says: a user must
 * be able to change their password and to leave.
 * <pre>
 * C: &lt;iq type='set' to='example.org' id='change1'&gt;&lt;query xmlns='jabber:iq:register'&gt;
 *      &lt;username&gt;bill&lt;/username&gt;&lt;password&gt;newpass&lt;/password&gt;&lt;/query&gt;&lt;/iq&gt;
 * S: &lt;iq type='result' from='example.org' id='change1'/&gt;
 * </pre>
 */
@Xep(number = 77, version = "2.4")
public final class RegisterModule implements XmppModule {
    /** Not in the {@code modules:} list: the server starts it under this name by itself. */
    public static final String NAME = "register";

    private final CredentialFactory credentials;
    private ModuleContext context;
    private AccountRemoval removal;

    public RegisterModule(CredentialFactory credentials) {
        this.credentials = credentials;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void start(ModuleContext ctx) {
        this.context = ctx;
        this.removal = new AccountRemoval(ctx);
        // Smack and most clients address the server; XEP-0077 §3.2 asks for no 'to' at all, which
        // RFC 6120 §10.3.3 routes to the account: both land here.
        ctx.onIq(IqRoute.get("query", RegistrationQuery.NAMESPACE).toServer().toAccounts(), this::registration);
        ctx.onIq(IqRoute.set("query", RegistrationQuery.NAMESPACE).toServer().toAccounts(), this::change);
    }

    private Element registration(Iq iq) throws StanzaErrorException {
        EntityFullJid user = ownAccount(iq);
        return iq.result(RegistrationQuery.registered(user.getLocalpart()));
    }

    private Element change(Iq iq) throws StanzaErrorException {
        EntityFullJid user = ownAccount(iq);
        Element query = iq.payload().orElseThrow();
        if (RegistrationQuery.isRemove(query)) {
            if (query.elements().size() != 1) {
                throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "<remove/> comes alone");
            }
            removal.remove(iq, user.asEntityBareJid());
            return null;
        }
        try {
            changePassword(user, query);
            return iq.emptyResult();
        } catch (StanzaErrorException e) {
            // §3.3: errors about a password change do not echo the request, which holds the password.
            return StanzaErrors.of(iq.element().toBuilder().clearChildren().build(), e);
        }
    }

    /**
     * §3.3: both fields, the user's own username, and a password that is not empty (an empty one
     * keeps the old password, so it is refused rather than ignored).
     */
    private void changePassword(EntityFullJid user, Element query) throws StanzaErrorException {
        String password = RegistrationQuery.field(query, "password").orElse("");
        if (RegistrationQuery.field(query, "username").isEmpty() || password.isEmpty()) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Send username and a new password");
        }
        Localpart username = RegistrationQuery.username(query);
        if (!username.equals(user.getLocalpart())) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ALLOWED,
                    "You are logged in as " + user.getLocalpart() + " and can change only that password");
        }
        replaceCredentials(user.asEntityBareJid(), password);
    }

    private void replaceCredentials(EntityBareJid user, String password) throws StanzaErrorException {
        if (!context.storage().users().replaceCredentials(user, credentials.derive(password))) {
            throw new StanzaErrorException(StanzaErrorCondition.ITEM_NOT_FOUND, "The account no longer exists");
        }
    }

    /**
     * The sender, when the request is about its own account: no 'to', its own domain or its own
     * bare JID. Registration with anyone else (another user, another domain) is not offered.
     */
    private static EntityFullJid ownAccount(Iq iq) throws StanzaErrorException {
        Jid from = iq.from();
        Jid to = iq.to();
        EntityFullJid user = from == null ? null : from.asEntityFullJidIfPossible();
        if (user == null) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_AUTHORIZED, "Log in first");
        }
        if (to != null && !to.equals(user.asDomainBareJid()) && !to.equals(user.asEntityBareJid())) {
            throw new StanzaErrorException(StanzaErrorCondition.SERVICE_UNAVAILABLE, null);
        }
        return user;
    }
}
