package org.xmppd.server.module;

import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.xmppd.codec.Element;
import org.slf4j.Logger;
import org.xmppd.server.config.ModuleOptions;
import org.xmppd.server.config.ServerConfig;
import org.slf4j.LoggerFactory;
import org.xmppd.codec.Iq;
import org.xmppd.codec.Message;
import org.xmppd.codec.Presence;
import org.xmppd.server.router.Router;
import org.xmppd.server.router.ServerInfo;
import org.xmppd.server.session.SessionRegistry;
import org.xmppd.storage.Storage;

/** Starts the configured modules with their own tracked context, and stops them. */
public final class ModuleHost {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleHost.class);

    private final ModuleRegistry registry;
    private final ModuleServices services;
    private final List<XmppModule> started = new ArrayList<>();

    public ModuleHost(ModuleRegistry registry, ModuleServices services) {
        this.registry = registry;
        this.services = services;
    }

    /** The modules on the class path, by name. */
    public static Map<String, XmppModule> available(ClassLoader loader) {
        Map<String, XmppModule> modules = new LinkedHashMap<>();
        for (XmppModule module : ServiceLoader.load(XmppModule.class, loader)) {
            modules.put(module.name(), module);
        }
        return modules;
    }

    /** Starts the named modules in order; an unknown name fails with the list of known ones. */
    public void start(ServerConfig config, Map<String, XmppModule> available) {
        for (String name : config.modules()) {
            XmppModule module = lookup(name, available);
            module.start(new TrackedContext(name, config.optionsOf(name)));
            started.add(module);
            LOG.debug("module {} started", name);
        }
    }

    /** Starts a module the server always runs, outside the {@code modules:} list and its options. */
    public void startBuiltIn(XmppModule module) {
        module.start(new TrackedContext(module.name(), Map.of()));
        started.add(module);
    }

    /**
     * Checks, without starting anything, that every listed module exists and that its options
     * bind ({@code xmppd check}).
     *
     * @throws IllegalArgumentException naming the module or key
     */
    public static void validate(ServerConfig config, Map<String, XmppModule> available) {
        for (String name : config.modules()) {
            XmppModule module = lookup(name, available);
            if (module.configType() != null) {
                ModuleOptions.bind(name, config.optionsOf(name), module.configType());
            }
        }
    }

    private static XmppModule lookup(String name, Map<String, XmppModule> available) {
        XmppModule module = available.get(name);
        if (module == null) {
            throw new IllegalArgumentException("modules: unknown module '" + name + "' (known: "
                    + String.join(", ", available.keySet()) + ")");
        }
        return module;
    }

    /**
     * Deletes what the server keeps for {@code account}: the stores the core writes (roster,
     * offline messages, presence and activity, per-user data, message archive), then what each
     * module keeps (their {@link AccountHook}s). The credentials are the caller's to delete, last.
     */
    public void accountRemoved(EntityBareJid account) {
        Storage storage = services.storage();
        storage.roster().deleteAll(account);
        storage.offline().deleteAll(account);
        storage.presence().deleteAll(account);
        storage.userData().deleteAll(account);
        storage.archive().deleteArchive(account);
        registry.runAccountHooks(account);
    }

    /** Stops modules in reverse order, releasing their registrations. */
    public void stopAll() {
        for (int i = started.size() - 1; i >= 0; i--) {
            XmppModule module = started.get(i);
            try {
                module.stop();
            } catch (RuntimeException e) {
                LOG.warn("module {} failed to stop cleanly", module.name(), e);
            }
            registry.removeAll(module.name());
        }
        started.clear();
    }

    private final class TrackedContext implements ModuleContext {
        private final String owner;
        private final Map<String, Object> options;

        TrackedContext(String owner, Map<String, Object> options) {
            this.owner = owner;
            this.options = options;
        }

        @Override
        public <T> T config(Class<T> type) {
            return ModuleOptions.bind(owner, options, type);
        }

        @Override
        public void onIq(IqRoute route, IqHandler handler) {
            registry.addIq(owner, route, handler);
        }

        @Override
        public void onMessage(StanzaPhase phase, int priority, StanzaHandler<Message> handler) {
            registry.addMessageHook(owner, phase, priority, StanzaRewriter.of(handler));
        }

        @Override
        public void rewriteMessages(StanzaPhase phase, int priority, StanzaRewriter<Message> rewriter) {
            registry.addMessageHook(owner, phase, priority, rewriter);
        }

        @Override
        public void onPresence(StanzaPhase phase, int priority, StanzaHandler<Presence> handler) {
            registry.addPresenceHook(owner, phase, priority, handler);
        }

        @Override
        public void onIq(StanzaPhase phase, int priority, StanzaHandler<Iq> handler) {
            registry.addIqHook(owner, phase, priority, handler);
        }

        @Override
        public List<DiscoItem> serviceItems(DomainBareJid domain) {
            String suffix = "." + domain;
            List<DiscoItem> items = new ArrayList<>();
            for (ModuleRegistry.ServiceBinding service : registry.services()) {
                if (service.domain().toString().endsWith(suffix)) {
                    items.add(new DiscoItem(service.domain(), service.name()));
                }
            }
            return items;
        }

        @Override
        public void service(DomainBareJid domain, String name, ServiceHandler handler) {
            registry.addService(owner, domain, name, handler);
        }

        @Override
        public void feature(DiscoTarget target, String var) {
            registry.addFeature(owner, target, var);
        }

        @Override
        public void identity(DiscoTarget target, Identity identity) {
            registry.addIdentity(owner, target, identity);
        }

        @Override
        public void streamFeature(Supplier<Element> feature) {
            registry.addStreamFeature(owner, feature);
        }

        @Override
        public DiscoInfo discoInfo(DiscoTarget target) {
            return registry.discoInfo(target);
        }

        @Override
        public void discoNodes(DiscoTarget target, DiscoNodes provider) {
            registry.addDiscoNodes(owner, target, provider);
        }

        @Override
        public List<DiscoNodes> discoNodes(DiscoTarget target) {
            return registry.discoNodes(target);
        }

        @Override
        public Router router() {
            return services.router();
        }

        @Override
        public ServerInfo server() {
            return services.server();
        }

        @Override
        public Storage storage() {
            return services.storage();
        }

        @Override
        public SessionRegistry sessions() {
            return services.sessions();
        }

        @Override
        public ScheduledExecutorService scheduler() {
            return services.scheduler();
        }

        @Override
        public void onAccountRemoved(AccountHook hook) {
            registry.addAccountHook(owner, hook);
        }

        @Override
        public void accountRemoved(EntityBareJid account) {
            ModuleHost.this.accountRemoved(account);
        }
    }
}
