package org.xmppd.server.module;

import java.util.List;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.Message;
import org.xmppd.codec.Presence;
import org.xmppd.server.router.Router;
import org.xmppd.server.router.ServerInfo;
import org.xmppd.server.session.SessionRegistry;
import org.xmppd.storage.Storage;

/** Everything a module may use. Registrations made here are released when the module stops. */
public interface ModuleContext {
    /** Registers the handler of IQ requests matching {@code route}; its namespace becomes a disco feature. */
    void onIq(IqRoute route, IqHandler handler);

    /** Sees messages at {@code phase}; higher priorities run first. */
    void onMessage(StanzaPhase phase, int priority, StanzaHandler<Message> handler);

    /**
     * Sees messages at {@code phase} and may hand on a changed copy (e.g. XEP-0359 stanza ids);
     * runs among the {@link #onMessage} handlers by priority.
     */
    void rewriteMessages(StanzaPhase phase, int priority, StanzaRewriter<Message> rewriter);

    /** Sees presences at {@code phase}; higher priorities run first. */
    void onPresence(StanzaPhase phase, int priority, StanzaHandler<Presence> handler);

    /**
     * Sees every IQ at {@code phase} (requests and responses, before any {@link #onIq(IqRoute, IqHandler)}
     * handler); for policies such as blocking (XEP-0191), not for answering requests.
     * At {@link StanzaPhase#DELIVER} it sees IQs to accounts and their resources.
     */
    void onIq(StanzaPhase phase, int priority, StanzaHandler<Iq> handler);

    /**
     * Hosts a service (MUC, PubSub...) at {@code domain}: every stanza to that domain or a JID
     * under it goes to {@code handler}, and the service is listed in the server's disco#items.
     */
    void service(DomainBareJid domain, String name, ServiceHandler handler);

    /** The hosted services under {@code domain} (e.g. {@code conference.<domain>}), for disco#items. */
    List<DiscoItem> serviceItems(DomainBareJid domain);

    /** Announces a feature that has no IQ of its own (carbons, receipts...). */
    void feature(DiscoTarget target, String var);

    void identity(DiscoTarget target, Identity identity);

    /**
     * Adds a child to the {@code <stream:features/>} offered after authentication (RFC 6120
     * §4.3.2), asked each time it is offered so it may reflect the current state (XEP-0115 §6.3).
     */
    void streamFeature(Supplier<Element> feature);

    /** The features and identities announced so far for {@code target}. */
    DiscoInfo discoInfo(DiscoTarget target);

    /** Answers disco queries about the nodes of {@code target} entities (e.g. PEP nodes of accounts). */
    void discoNodes(DiscoTarget target, DiscoNodes provider);

    /** The node providers registered for {@code target}, in registration order. */
    List<DiscoNodes> discoNodes(DiscoTarget target);

    /**
     * This module's settings from {@code module_options.<name>}, bound to {@code type} (a record;
     * its static {@code defaults()}, if any, fills absent keys).
     *
     * @throws IllegalArgumentException naming the bad key; the server does not start
     */
    <T> T config(Class<T> type);

    Router router();

    ServerInfo server();

    Storage storage();

    /**
     * Where the accounts' resources are connected and what presence they last sent: rosters,
     * presence and offline storage decide by it (RFC 6121 §4, §8.5).
     */
    SessionRegistry sessions();

    /** For timers; tasks must not block. */
    ScheduledExecutorService scheduler();

    /** Runs {@code hook} whenever an account is deleted, so the module drops what it keeps for it. */
    void onAccountRemoved(AccountHook hook);

    /**
     * Deletes what the server keeps for {@code account} (the core stores, then every module's
     * {@link AccountHook}); for the module that deletes accounts, before it deletes the credentials.
     */
    void accountRemoved(EntityBareJid account);
}
