package org.xmppd.server.modules.register;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Localpart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.Namespaces;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.codec.StanzaErrors;
import org.xmppd.server.config.RegistrationConfig;
import org.xmppd.server.stream.PreAuthHandler;
import org.xmppd.storage.ScramCredential;
import org.xmppd.storage.StorageException;
import org.xmppd.storage.UserStore;

/**
 * XEP-0077 §3.1: a client that has not logged in asks for the registration form and creates an
 * account, then authenticates with it on the same stream. With {@code registration.enabled} off
 * the stream feature is not offered and every request gets {@code not-allowed}; with it on,
 * each remote address may create a limited number of accounts per window.
 * <pre>
 * C: &lt;iq type='set' id='reg2'&gt;&lt;query xmlns='jabber:iq:register'&gt;
 *      &lt;username&gt;bill&lt;/username&gt;&lt;password&gt;Calliope&lt;/password&gt;&lt;/query&gt;&lt;/iq&gt;
 * S: &lt;iq type='result' id='reg2'/&gt;
 * </pre>
 */
public final class AccountCreation implements PreAuthHandler {
    private static final Logger LOG = LoggerFactory.getLogger(AccountCreation.class);
    /** Addresses remembered by the rate limit at most, as for the login throttle. */
    private static final int TRACKED_ADDRESSES = 10_000;

    private final boolean enabled;
    private final UserStore users;
    private final CredentialFactory credentials;
    private final RegistrationThrottle throttle;

    public AccountCreation(RegistrationConfig config, UserStore users, CredentialFactory credentials, Clock clock) {
        this.enabled = config.enabled();
        this.users = users;
        this.credentials = credentials;
        this.throttle = new RegistrationThrottle(clock, config.maxAccountsPerAddress(),
                Duration.ofSeconds(config.windowSeconds()), TRACKED_ADDRESSES);
    }

    @Override
    public List<Element> features() {
        // XEP-0077 §4: the feature tells clients that registration is possible before login.
        return enabled ? List.of(RegistrationQuery.FEATURE) : List.of();
    }

    @Override
    public boolean handles(Element element) {
        String type = element.attributeOrNull("type");
        return element.is("iq", Namespaces.CLIENT) && ("get".equals(type) || "set".equals(type))
                && element.elements().size() == 1
                && element.elements().get(0).is("query", RegistrationQuery.NAMESPACE);
    }

    @Override
    public Element answer(Element iq, DomainBareJid domain, InetSocketAddress remote) {
        // The client has no address yet: the reply has no 'to', and comes from the domain it asked.
        Element request = iq.withAttribute("from", null)
                .withAttribute("to", iq.attributeOrNull("to") == null ? null : domain.toString());
        try {
            if (!enabled) {
                throw new StanzaErrorException(StanzaErrorCondition.NOT_ALLOWED,
                        "Accounts are not created in-band on this server");
            }
            Iq view = new Iq(request);
            Element query = view.payload().orElseThrow();
            if ("get".equals(view.type())) {
                return view.result(RegistrationQuery.form());
            }
            create(query, domain, remote == null ? "unknown" : remote.getAddress().getHostAddress());
            return view.emptyResult();
        } catch (StanzaErrorException e) {
            return error(request, e);
        } catch (StorageException e) {
            LOG.warn("registration failed: storage unavailable", e);
            return error(request, new StanzaErrorException(StanzaErrorCondition.INTERNAL_SERVER_ERROR,
                    "The server's storage is unavailable; try again later"));
        }
    }

    private void create(Element query, DomainBareJid domain, String address) throws StanzaErrorException {
        if (RegistrationQuery.isRemove(query)) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_AUTHORIZED, "Log in to remove your account");
        }
        Localpart username = RegistrationQuery.username(query);
        String password = RegistrationQuery.field(query, "password").orElse("");
        EntityBareJid user = JidCreate.entityBareFrom(username, domain);
        List<ScramCredential> derived = credentials.derive(password);
        if (!throttle.tryAcquire(address)) {
            throw new StanzaErrorException(StanzaErrorCondition.RESOURCE_CONSTRAINT,
                    "Too many accounts created from your address; try again later");
        }
        boolean created;
        try {
            created = users.create(user, derived);
        } catch (RuntimeException e) {
            throttle.release(address);
            throw e;
        }
        if (!created) {
            throttle.release(address);
            throw new StanzaErrorException(StanzaErrorCondition.CONFLICT, "That username is taken");
        }
        LOG.info("account {} created in-band from {}", user, address);
    }

    /** Errors leave the payload out: it may hold the password (RFC 6120 §8.3.1 makes it optional). */
    private static Element error(Element request, StanzaErrorException cause) {
        return StanzaErrors.of(request.toBuilder().clearChildren().build(), cause);
    }
}
