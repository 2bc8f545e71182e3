package org.xmppd.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.mina.filter.executor.OrderedThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppd.codec.Jids;
import org.xmppd.codec.ParserLimits;
import org.xmppd.codec.StreamParsers;
import org.xmppd.server.component.ComponentRouting;
import org.xmppd.server.component.ComponentServices;
import org.xmppd.server.component.ComponentStream;
import org.xmppd.server.config.ComponentsConfig;
import org.xmppd.server.config.LimitsConfig;
import org.xmppd.server.config.ListenerConfig;
import org.xmppd.server.config.ModuleOptions;
import org.xmppd.server.config.ServerConfig;
import org.xmppd.server.module.ModuleHost;
import org.xmppd.server.module.ModuleRegistry;
import org.xmppd.server.module.ModuleServices;
import org.xmppd.server.modules.register.AccountCreation;
import org.xmppd.server.modules.register.CredentialFactory;
import org.xmppd.server.modules.csi.CsiModule;
import org.xmppd.server.modules.register.RegisterModule;
import org.xmppd.server.modules.sm.SmModule;
import org.xmppd.server.net.C2sListener;
import org.xmppd.server.net.TlsSettings;
import org.xmppd.server.router.ServerInfo;
import org.xmppd.server.router.StanzaRouter;
import org.xmppd.server.sasl.LoginThrottle;
import org.xmppd.server.sasl.SaslMechanisms;
import org.xmppd.server.session.LocalSessionRegistry;
import org.xmppd.server.session.SessionRegistry;
import org.xmppd.server.stream.C2sServices;
import org.xmppd.server.stream.C2sSettings;
import org.xmppd.server.stream.C2sStream;
import org.xmppd.server.stream.InboundStream;
import org.xmppd.server.stream.Transport;
import org.xmppd.server.stream.StreamManagement;
import org.xmppd.server.stream.sm.DeliveryJournal;
import org.xmppd.server.stream.sm.SmConfig;
import org.xmppd.server.tls.TlsSetupException;
import org.xmppd.storage.Storage;

/**
 * One running server: builds the router, sessions, modules and listeners from its
 * configuration and the opened storage, and takes them down again. Holds no global state, so
 * several can run in one JVM (the tests do).
 */
public final class XmppServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(XmppServer.class);
    public static final String NAME = "xmppd";
    /** How long a graceful shutdown waits for clients to read their stream error. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(2);

    private final ServerConfig config;
    private final Storage storage;
    private final Map<String, C2sListener> listeners = new LinkedHashMap<>();
    private final Map<String, InetSocketAddress> bound = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private ScheduledExecutorService scheduler;
    private OrderedThreadPoolExecutor workers;
    private ModuleHost modules;
    private LocalSessionRegistry sessions;
    private StreamManagement streamManagement;

    /** @param config the configuration, its paths already absolute ({@link ServerConfig#resolvedAgainst}) */
    public XmppServer(ServerConfig config, Storage storage) {
        this.config = config;
        this.storage = storage;
    }

    /** Starts modules and binds the listeners; returns when connections are accepted. */
    public synchronized void start() throws IOException {
        // jxmpp keeps its string preparation process-wide; this sets RFC 7622 PRECIS (idempotent).
        Jids.usePrecis();
        ServerInfo info = new ServerInfo(config.domains(), NAME, version());
        scheduler = Executors.newScheduledThreadPool(1, daemonThreads("xmppd-timer"));
        int cores = Runtime.getRuntime().availableProcessors();
        // Workers may block on storage, so there are more of them than cores.
        workers = new OrderedThreadPoolExecutor(cores, Math.max(16, cores * 8), 60, TimeUnit.SECONDS,
                daemonThreads("xmppd-worker"));
        sessions = new LocalSessionRegistry();
        // Before anyone connects: what a crash left unacknowledged waits as offline messages.
        new DeliveryJournal(storage.offline(), true).recover();
        ModuleRegistry registry = new ModuleRegistry();
        StanzaRouter router = new StanzaRouter(info, sessions, registry, storage.users());
        modules = new ModuleHost(registry, new ModuleServices(router, info, storage, scheduler, sessions));
        modules.start(config, ModuleHost.available(XmppServer.class.getClassLoader()));
        // XEP-0077 password change and account removal are every user's right, not an option.
        CredentialFactory credentials = new CredentialFactory(config.limits().scramIterations(), random);
        modules.startBuiltIn(new RegisterModule(credentials));
        ComponentRouting components = new ComponentRouting(config.components().secrets());
        modules.startBuiltIn(components);

        TlsSettings tls = tls();
        LimitsConfig limits = config.limits();
        LoginThrottle throttle = new LoginThrottle(Clock.systemUTC(), new LoginThrottle.Policy(
                limits.authFailuresBeforeDelay(), Duration.ofMinutes(15), Duration.ofSeconds(1),
                Duration.ofSeconds(Math.max(1, limits.authDelayMaxSeconds())), 10_000));
        if (config.modules().contains(SmModule.NAME)) {
            streamManagement = new StreamManagement(
                    ModuleOptions.bind(SmModule.NAME, config.optionsOf(SmModule.NAME), SmConfig.class), storage.offline());
        }
        C2sServices services = new C2sServices(sessions, router, storage.users(),
                SaslMechanisms.withSecureRandom(SaslMechanisms.SUPPORTED, limits.scramIterations(), random),
                throttle, scheduler, random,
                new AccountCreation(config.registration(), storage.users(), credentials, Clock.systemUTC()),
                registry::streamFeatures, streamManagement, config.modules().contains(CsiModule.NAME));
        bind("c2s", config.listeners().c2s(), false, tls, services);
        bind("c2s_direct_tls", config.listeners().c2sDirectTls(), true, tls, services);
        bindComponents(new ComponentServices(components, router, info.domains().get(0), scheduler, random,
                new ParserLimits(limits.maxStanzaBytes(), limits.maxDepth()),
                Duration.ofSeconds(limits.handshakeTimeoutSeconds()), Duration.ofSeconds(limits.pingTimeoutSeconds())));
        LOG.info("{} {} serving {} on {}", NAME, info.version(), config.hosts(), bound);
    }

    private TlsSettings tls() throws IOException {
        try {
            return TlsSettings.create(config.tls(), Path.of(config.dataDir()), config.hosts(), random);
        } catch (TlsSetupException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private void bind(String name, ListenerConfig listener, boolean directTls, TlsSettings tls,
            C2sServices services) throws IOException {
        if (!listener.enabled()) {
            return;
        }
        LimitsConfig limits = config.limits();
        C2sSettings settings = new C2sSettings(config.domains(), listener.starttlsRequired() && !directTls,
                new StreamParsers(new ParserLimits(limits.maxStanzaBytes(), limits.maxDepth())),
                Duration.ofSeconds(limits.handshakeTimeoutSeconds()),
                Duration.ofSeconds(limits.pingTimeoutSeconds()));
        listen(name, "listeners." + name, listener.address(), listener.port(), directTls, tls,
                transport -> new C2sStream(transport, settings, services));
    }

    /** XEP-0114: the component listener opens only when some component is configured. */
    private void bindComponents(ComponentServices services) throws IOException {
        ComponentsConfig components = config.components();
        if (!components.domains().isEmpty()) {
            listen("component", "components", components.address(), components.port(), false, null,
                    transport -> new ComponentStream(transport, services));
        }
    }

    private void listen(String name, String configKey, String address, int port, boolean directTls,
            TlsSettings tls, Function<Transport, ? extends InboundStream> streams) throws IOException {
        C2sListener listener = new C2sListener(directTls, tls, workers, config.limits().idleTimeoutSeconds(), streams);
        listeners.put(name, listener);
        try {
            bound.put(name, listener.bind(new InetSocketAddress(address, port)));
        } catch (IOException e) {
            throw new IOException("cannot listen on " + address + ":" + port + " (" + configKey + "): "
                    + e.getMessage(), e);
        }
    }

    /** The address a listener ({@code c2s}, {@code c2s_direct_tls}, {@code component}) is bound to, or null. */
    public synchronized InetSocketAddress boundAddress(String listenerName) {
        return bound.get(listenerName);
    }

    /** Graceful stop: every stream gets {@code system-shutdown} (RFC 6120 §4.9.3.22), then all is released. */
    @Override
    public synchronized void close() {
        listeners.values().forEach(C2sListener::unbind);
        listeners.values().forEach(C2sListener::shutdownStreams);
        listeners.values().forEach(l -> l.awaitDisconnected(SHUTDOWN_GRACE));
        listeners.values().forEach(C2sListener::close);
        listeners.clear();
        bound.clear();
        if (modules != null) {
            modules.stopAll();
        }
        if (streamManagement != null) {
            streamManagement.close();
        }
        if (workers != null) {
            workers.shutdown();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        LOG.info("{} stopped", NAME);
    }

    private static String version() {
        try (InputStream in = XmppServer.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Where the accounts' resources are connected (for tests and admin tools), or null before start. */
    public synchronized SessionRegistry sessions() {
        return sessions;
    }

    /** The domains served, for callers that check JIDs (the CLI). */
    public List<String> hosts() {
        return config.hosts();
    }
}
