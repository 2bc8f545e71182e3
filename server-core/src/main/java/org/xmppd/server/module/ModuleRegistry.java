package org.xmppd.server.module;

import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.Message;
import org.xmppd.codec.Presence;
import org.xmppd.codec.Stanza;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;

/**
 * Every handler and disco entry registered by the running modules, each tagged with its
 * owner so that stopping a module removes exactly what it added.
 */
public final class ModuleRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleRegistry.class);

    /** An IQ handler with the route it was registered for. */
    public record IqBinding(String owner, IqRoute route, IqHandler handler) {
    }

    private record Hook<S extends Stanza>(String owner, StanzaPhase phase, int priority, StanzaRewriter<S> handler) {
    }

    private record Announcement<T>(String owner, DiscoTarget target, T value) {
    }

    private record AccountBinding(String owner, AccountHook hook) {
    }

    /** A hosted service domain and what handles its stanzas. */
    public record ServiceBinding(String owner, DomainBareJid domain, String name, ServiceHandler handler) {
    }

    private static final Comparator<Hook<?>> BY_PRIORITY = Comparator.comparingInt(h -> -h.priority());

    private final Map<String, IqBinding> iqHandlers = new ConcurrentHashMap<>();
    private final Map<DomainBareJid, ServiceBinding> services = new ConcurrentHashMap<>();
    private final List<Hook<Message>> messageHooks = new CopyOnWriteArrayList<>();
    private final List<Hook<Presence>> presenceHooks = new CopyOnWriteArrayList<>();
    private final List<Hook<Iq>> iqHooks = new CopyOnWriteArrayList<>();
    private final List<Announcement<String>> features = new CopyOnWriteArrayList<>();
    private final List<Announcement<Identity>> identities = new CopyOnWriteArrayList<>();
    private final List<Announcement<Supplier<Element>>> streamFeatures = new CopyOnWriteArrayList<>();
    private final List<Announcement<DiscoNodes>> discoNodes = new CopyOnWriteArrayList<>();
    private final List<AccountBinding> accountHooks = new CopyOnWriteArrayList<>();

    private static String key(String type, String element, String namespace) {
        return type + ' ' + element + ' ' + namespace;
    }

    void addIq(String owner, IqRoute route, IqHandler handler) {
        IqBinding previous = iqHandlers.putIfAbsent(key(route.type(), route.element(), route.namespace()),
                new IqBinding(owner, route, handler));
        if (previous != null) {
            throw new IllegalStateException("IQ " + route + " of module " + owner
                    + " is already handled by module " + previous.owner());
        }
    }

    void addMessageHook(String owner, StanzaPhase phase, int priority, StanzaRewriter<Message> handler) {
        addSorted(messageHooks, new Hook<>(owner, phase, priority, handler));
    }

    void addPresenceHook(String owner, StanzaPhase phase, int priority, StanzaHandler<Presence> handler) {
        addSorted(presenceHooks, new Hook<>(owner, phase, priority, StanzaRewriter.of(handler)));
    }

    void addIqHook(String owner, StanzaPhase phase, int priority, StanzaHandler<Iq> handler) {
        addSorted(iqHooks, new Hook<>(owner, phase, priority, StanzaRewriter.of(handler)));
    }

    private static <S extends Stanza> void addSorted(List<Hook<S>> hooks, Hook<S> hook) {
        synchronized (hooks) {
            List<Hook<S>> sorted = new ArrayList<>(hooks);
            sorted.add(hook);
            sorted.sort(BY_PRIORITY);
            hooks.clear();
            hooks.addAll(sorted);
        }
    }

    void addService(String owner, DomainBareJid domain, String name, ServiceHandler handler) {
        ServiceBinding previous = services.putIfAbsent(domain, new ServiceBinding(owner, domain, name, handler));
        if (previous != null) {
            throw new IllegalStateException("service domain " + domain + " of module " + owner
                    + " is already hosted by module " + previous.owner());
        }
    }

    /** The service hosted at {@code domain}, or null. */
    public ServiceBinding service(DomainBareJid domain) {
        return services.isEmpty() ? null : services.get(domain);
    }

    /** Every hosted service, for disco#items of the server. */
    public List<ServiceBinding> services() {
        return List.copyOf(services.values());
    }

    void addFeature(String owner, DiscoTarget target, String var) {
        features.add(new Announcement<>(owner, target, var));
    }

    void addIdentity(String owner, DiscoTarget target, Identity identity) {
        identities.add(new Announcement<>(owner, target, identity));
    }

    void addStreamFeature(String owner, Supplier<Element> feature) {
        streamFeatures.add(new Announcement<>(owner, DiscoTarget.SERVER, feature));
    }

    void addDiscoNodes(String owner, DiscoTarget target, DiscoNodes provider) {
        discoNodes.add(new Announcement<>(owner, target, provider));
    }

    void addAccountHook(String owner, AccountHook hook) {
        accountHooks.add(new AccountBinding(owner, hook));
    }

    /**
     * Runs every module's account hook, in registration order. The first failure stops the run
     * and is thrown: the caller keeps the account, and a later attempt runs them all again.
     */
    public void runAccountHooks(EntityBareJid account) {
        for (AccountBinding binding : accountHooks) {
            try {
                binding.hook().accountRemoved(account);
            } catch (RuntimeException e) {
                LOG.error("module {} failed to remove the data of account {}", binding.owner(), account, e);
                throw e;
            }
        }
    }

    /** The disco node providers of {@code target}, in registration order. */
    public List<DiscoNodes> discoNodes(DiscoTarget target) {
        return discoNodes.stream().filter(a -> a.target() == target).map(Announcement::value).toList();
    }

    /** The stream features modules offer after authentication, in registration order. */
    public List<Element> streamFeatures() {
        List<Element> elements = new ArrayList<>();
        streamFeatures.forEach(a -> elements.add(a.value().get()));
        return elements;
    }

    /** Removes every registration made by {@code owner}. */
    public void removeAll(String owner) {
        iqHandlers.values().removeIf(b -> b.owner().equals(owner));
        services.values().removeIf(b -> b.owner().equals(owner));
        messageHooks.removeIf(h -> h.owner().equals(owner));
        presenceHooks.removeIf(h -> h.owner().equals(owner));
        iqHooks.removeIf(h -> h.owner().equals(owner));
        features.removeIf(a -> a.owner().equals(owner));
        identities.removeIf(a -> a.owner().equals(owner));
        streamFeatures.removeIf(a -> a.owner().equals(owner));
        discoNodes.removeIf(a -> a.owner().equals(owner));
        accountHooks.removeIf(a -> a.owner().equals(owner));
    }

    /** The handler for this IQ request, or null. */
    public IqBinding iqHandler(String type, String element, String namespace) {
        return iqHandlers.get(key(type, element, namespace));
    }

    /** Runs the message hooks of {@code phase}; the message to deliver, or null when one consumed it. */
    public Message runMessageHooks(StanzaPhase phase, Message message) throws StanzaErrorException {
        return runHooks(messageHooks, phase, message);
    }

    /** Runs the presence hooks of {@code phase}; true when one consumed the stanza. */
    public boolean runPresenceHooks(StanzaPhase phase, Presence presence) throws StanzaErrorException {
        return runHooks(presenceHooks, phase, presence) == null;
    }

    /** Runs the IQ hooks of {@code phase}; true when one consumed the stanza. */
    public boolean runIqHooks(StanzaPhase phase, Iq iq) throws StanzaErrorException {
        return runHooks(iqHooks, phase, iq) == null;
    }

    private static <S extends Stanza> S runHooks(List<Hook<S>> hooks, StanzaPhase phase, S stanza)
            throws StanzaErrorException {
        S current = stanza;
        for (Hook<S> hook : hooks) {
            if (hook.phase() != phase) {
                continue;
            }
            try {
                current = hook.handler().rewrite(current);
            } catch (RuntimeException e) {
                // One failing module must not end the sender's stream: the sender gets an error.
                LOG.error("module {} failed on {}", hook.owner(), current, e);
                throw new StanzaErrorException(StanzaErrorCondition.INTERNAL_SERVER_ERROR, null);
            }
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** Identities and features of {@code target}; IQ namespaces routed to it count as features. */
    public DiscoInfo discoInfo(DiscoTarget target) {
        List<Identity> ids = new ArrayList<>();
        identities.stream().filter(a -> a.target() == target).forEach(a -> ids.add(a.value()));
        Set<String> vars = new TreeSet<>();
        features.stream().filter(a -> a.target() == target).forEach(a -> vars.add(a.value()));
        for (IqBinding binding : iqHandlers.values()) {
            IqRoute route = binding.route();
            if (target == DiscoTarget.SERVER ? route.forServer() : route.forAccounts()) {
                vars.add(route.namespace());
            }
        }
        return new DiscoInfo(ids, new TreeSet<>(vars));
    }
}
