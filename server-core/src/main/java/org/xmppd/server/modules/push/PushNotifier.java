package org.xmppd.server.modules.push;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.Message;
import org.xmppd.codec.Namespaces;
import org.xmppd.codec.Stanza;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.server.router.Router;
import org.xmppd.server.session.ClientSession;
import org.xmppd.server.session.SessionRegistry;

/**
 * XEP-0357 §7: when a message worth a notification ({@link PushTrigger}) reaches an account none
 * of whose sessions has a connection (all gone: the message is kept offline; or waiting for
 * XEP-0198 resumption: it is queued), each enabled app server gets a publish:
 * <pre>
 * S: &lt;iq type='set' from='user@example.com' to='push-5.client.example' id='push-…'&gt;
 *      &lt;pubsub xmlns='http://jabber.org/protocol/pubsub'&gt;&lt;publish node='yxs32uqsflafdk3iuqo'&gt;&lt;item&gt;
 *        &lt;notification xmlns='urn:xmpp:push:0'&gt;&lt;x xmlns='jabber:x:data' type='submit'&gt;
 *          FORM_TYPE urn:xmpp:push:summary, message-count[, last-message-sender][, last-message-body]
 *      &lt;/x&gt;&lt;/notification&gt;&lt;/item&gt;&lt;/publish&gt;[&lt;publish-options&gt;form from enable&lt;/publish-options&gt;]
 * </pre>
 * An error answer disables that registration (§7.1), unless its type is {@code wait} (transient:
 * a component restarting). {@code message-count} counts the notified messages since the account
 * last sent anything. Never consumes a message: delivery and offline storage go on as before.
 */
final class PushNotifier {
    static final String PUBSUB = "http://jabber.org/protocol/pubsub";
    static final String SUMMARY = "urn:xmpp:push:summary";
    /** How long an unanswered publish is remembered; a late error then changes nothing. */
    private static final long ANSWER_WAIT_SECONDS = 120;
    private static final Logger LOG = LoggerFactory.getLogger(PushNotifier.class);

    private record Pending(EntityBareJid user, PushRegistration registration) {
    }

    private final PushRegistrations registrations;
    private final SessionRegistry sessions;
    private final Router router;
    private final PushConfig config;
    private final ScheduledExecutorService scheduler;
    private final SecureRandom random;
    private final Map<EntityBareJid, Integer> unseen = new ConcurrentHashMap<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    PushNotifier(PushRegistrations registrations, SessionRegistry sessions, Router router, PushConfig config,
            ScheduledExecutorService scheduler, SecureRandom random) {
        this.registrations = registrations;
        this.sessions = sessions;
        this.router = router;
        this.config = config;
        this.scheduler = scheduler;
        this.random = random;
    }

    /** The DELIVER hook: publishes for an unreachable account; never consumes. */
    boolean delivered(Message message) throws StanzaErrorException {
        Jid to = message.to();
        if (to == null || !to.hasLocalpart()) {
            return false;
        }
        EntityBareJid user = to.asEntityBareJidIfPossible();
        if (!PushTrigger.worthNotifying(message, user) || hasConnection(user)) {
            return false;
        }
        List<PushRegistration> enabled = registrations.of(user);
        if (enabled.isEmpty()) {
            return false;
        }
        Element summary = summary(unseen.merge(user, 1, Integer::sum), message);
        for (PushRegistration registration : enabled) {
            publish(user, registration, summary);
        }
        return false;
    }

    /** The SENT hooks: the account is active, so what it missed starts counting from zero. */
    boolean active(Stanza stanza) throws StanzaErrorException {
        Jid from = stanza.from();
        if (from != null && from.hasLocalpart() && !unseen.isEmpty()) {
            unseen.remove(from.asEntityBareJidIfPossible());
        }
        return false;
    }

    /** The account is deleted (its registrations go with the user data store): forget its count. */
    void forget(EntityBareJid account) {
        unseen.remove(account);
    }

    /** The DELIVER IQ hook: consumes the app servers' answers to our publishes. */
    boolean answered(Iq iq) throws StanzaErrorException {
        if (!iq.isResponse() || iq.id() == null) {
            return false;
        }
        Pending publish = pending.get(iq.id());
        if (publish == null || !publish.registration().service().equals(iq.from())) {
            return false;
        }
        pending.remove(iq.id());
        if (iq.isError() && !isTransient(iq)) {
            PushRegistration registration = publish.registration();
            LOG.info("push service {} node {} refused a notification for {}; disabled: {}", registration.service(),
                    registration.node(), publish.user(), iq.element().childOrNull("error", Namespaces.CLIENT));
            registrations.disable(publish.user(), registration.service(), registration.node());
        }
        return true;
    }

    private boolean hasConnection(EntityBareJid user) {
        for (ClientSession session : sessions.sessions(user)) {
            if (session.isConnected()) {
                return true;
            }
        }
        return false;
    }

    private void publish(EntityBareJid user, PushRegistration registration, Element summary) {
        String id = "push-" + HexFormat.of().formatHex(randomBytes());
        // Remembered before routing: an unreachable service's error comes back within route().
        pending.put(id, new Pending(user, registration));
        scheduler.schedule(() -> pending.remove(id), ANSWER_WAIT_SECONDS, TimeUnit.SECONDS);
        Element.Builder pubsub = Element.builder("pubsub", PUBSUB)
                .child(Element.builder("publish", PUBSUB).attribute("node", registration.node())
                        .child(Element.builder("item", PUBSUB).child(Element.builder("notification",
                                PushRegistration.NAMESPACE).child(summary).build()).build()).build());
        if (registration.publishOptions() != null) {
            pubsub.child(Element.builder("publish-options", PUBSUB).child(registration.publishOptions()).build());
        }
        router.route(Element.builder("iq", Namespaces.CLIENT).attribute("type", "set").attribute("id", id)
                .attribute("from", user.toString()).attribute("to", registration.service().toString())
                .child(pubsub.build()).build());
    }

    /** The {@code urn:xmpp:push:summary} form, with only the fields the admin allows. */
    private Element summary(int count, Message message) throws StanzaErrorException {
        Element.Builder form = Element.builder("x", PushRequests.DATA).attribute("type", "submit")
                .child(field("FORM_TYPE", SUMMARY)).child(field("message-count", Integer.toString(count)));
        if (config.includeSender() && message.from() != null) {
            form.child(field("last-message-sender", message.from().toString()));
        }
        String body = message.bodyOrNull();
        if (config.includeBody() && body != null) {
            form.child(field("last-message-body", body));
        }
        return form.build();
    }

    private static Element field(String var, String value) {
        return Element.builder("field", PushRequests.DATA).attribute("var", var)
                .textChild("value", PushRequests.DATA, value).build();
    }

    /** §7.1 lets a server keep a service through transient errors; {@code wait} says retry later. */
    private static boolean isTransient(Iq iq) {
        Element error = iq.element().childOrNull("error", Namespaces.CLIENT);
        return error != null && "wait".equals(error.attributeOrNull("type"));
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return bytes;
    }
}
