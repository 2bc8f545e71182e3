package org.xmppd.server.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.xmppd.server.tls.TlsConfig;
import org.xmppd.storage.StorageConfig;

/**
 * The whole server configuration, the top level of {@code conf/xmppd.yml}.
 *
 * <p>Relative {@code data_dir} and {@code log_dir} resolve against the install directory, which
 * {@link ConfigLoader#installDirOf(Path)} derives from the config file's location (the parent of
 * its {@code conf/} directory), never against the working directory: {@code bin/xmppd} behaves
 * the same wherever it is started from.
 *
 * @param hosts        the domains this server serves (RFC 6120 §2.1); each a bare domain JID,
 *                     stored normalized (lower case); default {@code [localhost]}
 * @param dataDir      where the embedded database and other state live; default {@code data}
 * @param logDir       where {@code xmppd.log} is written; default {@code logs}
 * @param listeners    the client listeners
 * @param tls          certificate and protocols; no certificate means a self-signed one
 * @param limits       resource limits and timeouts
 * @param storage      which backend holds which store
 * @param registration in-band registration policy
 * @param moduleOptions per-module settings, {@code module_options.<module>.<key>}; each module
 *                     binds and validates its own section when it starts
 * @param modules      the feature modules to load, by name; default {@link #DEFAULT_MODULES}
 * @param components   the external components (XEP-0114) and their listener; none by default
 */
public record ServerConfig(List<String> hosts, String dataDir, String logDir,
        ListenersConfig listeners, TlsConfig tls, LimitsConfig limits, StorageConfig storage,
        RegistrationConfig registration, List<String> modules,
        Map<String, Map<String, Object>> moduleOptions, ComponentsConfig components) {

    /** Serves only the local machine until an admin names a real domain. */
    public static final List<String> DEFAULT_HOSTS = List.of("localhost");
    /** The default data directory, relative to the install directory. */
    public static final String DEFAULT_DATA_DIR = "data";
    /** The default log directory, relative to the install directory. */
    public static final String DEFAULT_LOG_DIR = "logs";
    /**
     * The modules of server-core every client expects a server to answer (disco is required by
     * most XEPs; roster, presence and offline make it an IM server, RFC 6121; mobile clients count
     * on stream management and client state indication).
     */
    public static final List<String> CORE_MODULES = List.of("disco", "ping", "version", "time",
            "roster", "presence", "offline", "lastactivity", "blocking", "vcard", "private", "carbons", "caps",
            "sm", "csi", "mam", "push");
    /**
     * Modules of their own Maven modules that the distribution puts on the class path and runs by
     * default: {@code muc} (XEP-0045, muc-module), {@code pubsub} and {@code pep} (XEP-0060 and
     * XEP-0163, pubsub-module). They are defaults of the product, so the shipped
     * {@code conf/xmppd.yml} can equal the defaults; a server built without them (server-core's
     * own tests) lists its modules, since an unknown module stays an error.
     */
    public static final List<String> BUNDLED_MODULES = List.of("muc", "pubsub", "pep");
    /** {@link #CORE_MODULES} then {@link #BUNDLED_MODULES}. */
    public static final List<String> DEFAULT_MODULES = Stream.concat(CORE_MODULES.stream(),
            BUNDLED_MODULES.stream()).toList();

    private static final Pattern MODULE_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    /** Applies defaults to absent sections and validates hosts, directories and module names. */
    public ServerConfig {
        hosts = hosts == null ? DEFAULT_HOSTS : normalizedHosts(hosts);
        dataDir = directory("data_dir", dataDir, DEFAULT_DATA_DIR);
        logDir = directory("log_dir", logDir, DEFAULT_LOG_DIR);
        listeners = listeners == null ? ListenersConfig.defaults() : listeners;
        tls = tls == null ? TlsConfig.defaults() : tls;
        limits = limits == null ? LimitsConfig.defaults() : limits;
        storage = storage == null ? StorageConfig.defaults() : storage;
        registration = registration == null ? RegistrationConfig.defaults() : registration;
        modules = modules == null ? DEFAULT_MODULES : moduleNames(modules);
        moduleOptions = moduleOptions == null ? Map.of() : optionsOfEnabled(moduleOptions, modules);
        components = components == null ? ComponentsConfig.defaults() : components;
        for (String domain : components.domains().keySet()) {
            if (hosts.contains(domain)) {
                throw new IllegalArgumentException("components.domains." + domain + ": '" + domain
                        + "' is a host of this server, not a component");
            }
        }
    }

    /** Every key at its default: serves {@code localhost} on 5222/5223 with H2 storage. */
    public static ServerConfig defaults() {
        return new ServerConfig(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The hosts as JIDs; each was validated, so none can fail to parse. */
    public List<DomainBareJid> domains() {
        List<DomainBareJid> domains = new ArrayList<>(hosts.size());
        for (String host : hosts) {
            domains.add(JidCreate.domainBareFromOrThrowUnchecked(host));
        }
        return List.copyOf(domains);
    }

    /** Whether {@code domain} is one of the hosts. */
    public boolean serves(DomainBareJid domain) {
        return hosts.contains(domain.toString());
    }

    /** The data directory: {@code data_dir} if absolute, else resolved against {@code installDir}. */
    public Path dataPath(Path installDir) {
        return resolve(installDir, dataDir);
    }

    /** The log directory: {@code log_dir} if absolute, else resolved against {@code installDir}. */
    public Path logPath(Path installDir) {
        return resolve(installDir, logDir);
    }

    /**
     * This configuration with every relative file path (directories, TLS certificate and key)
     * made absolute against {@code installDir}, so the parts that read files need not know where
     * the server was installed.
     */
    public ServerConfig resolvedAgainst(Path installDir) {
        TlsConfig resolvedTls = new TlsConfig(resolveOrNull(installDir, tls.certificate()),
                resolveOrNull(installDir, tls.privateKey()), tls.protocols(), tls.provider());
        return new ServerConfig(hosts, dataPath(installDir).toString(),
                logPath(installDir).toString(), listeners, resolvedTls, limits, storage,
                registration, modules, moduleOptions, components);
    }

    /** This configuration serving other hosts. */
    public ServerConfig withHosts(List<String> newHosts) {
        return new ServerConfig(newHosts, dataDir, logDir, listeners, tls, limits, storage,
                registration, modules, moduleOptions, components);
    }

    /** This configuration with another data directory. */
    public ServerConfig withDataDir(String newDataDir) {
        return new ServerConfig(hosts, newDataDir, logDir, listeners, tls, limits, storage,
                registration, modules, moduleOptions, components);
    }

    /** This configuration with other listeners. */
    public ServerConfig withListeners(ListenersConfig newListeners) {
        return new ServerConfig(hosts, dataDir, logDir, newListeners, tls, limits, storage,
                registration, modules, moduleOptions, components);
    }

    /** This configuration with other TLS settings. */
    public ServerConfig withTls(TlsConfig newTls) {
        return new ServerConfig(hosts, dataDir, logDir, listeners, newTls, limits, storage,
                registration, modules, moduleOptions, components);
    }

    /** This configuration with other limits. */
    public ServerConfig withLimits(LimitsConfig newLimits) {
        return new ServerConfig(hosts, dataDir, logDir, listeners, tls, newLimits, storage,
                registration, modules, moduleOptions, components);
    }

    /** This configuration with other storage settings. */
    public ServerConfig withStorage(StorageConfig newStorage) {
        return new ServerConfig(hosts, dataDir, logDir, listeners, tls, limits, newStorage,
                registration, modules, moduleOptions, components);
    }

    /** This configuration with another registration policy. */
    public ServerConfig withRegistration(RegistrationConfig newRegistration) {
        return new ServerConfig(hosts, dataDir, logDir, listeners, tls, limits, storage,
                newRegistration, modules, moduleOptions, components);
    }

    /** This configuration with other per-module options. */
    public ServerConfig withModuleOptions(Map<String, Map<String, Object>> newOptions) {
        return new ServerConfig(hosts, dataDir, logDir, listeners, tls, limits, storage,
                registration, modules, newOptions, components);
    }

    /** The options written for {@code module} under {@code module_options}, empty when none. */
    public Map<String, Object> optionsOf(String module) {
        return moduleOptions.getOrDefault(module, Map.of());
    }

    /** Options for a module that is not loaded are a mistake the admin should hear about. */
    private static Map<String, Map<String, Object>> optionsOfEnabled(Map<String, Map<String, Object>> options,
            List<String> modules) {
        Map<String, Map<String, Object>> copy = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> entry : options.entrySet()) {
            if (!modules.contains(entry.getKey())) {
                throw new IllegalArgumentException("module_options." + entry.getKey()
                        + ": module '" + entry.getKey() + "' is not in 'modules'");
            }
            copy.put(entry.getKey(), entry.getValue() == null ? Map.of() : entry.getValue());
        }
        return java.util.Collections.unmodifiableMap(copy);
    }

    /** This configuration with other external components. */
    public ServerConfig withComponents(ComponentsConfig newComponents) {
        return new ServerConfig(hosts, dataDir, logDir, listeners, tls, limits, storage,
                registration, modules, moduleOptions, newComponents);
    }

    /** This configuration loading other modules. */
    public ServerConfig withModules(List<String> newModules) {
        return new ServerConfig(hosts, dataDir, logDir, listeners, tls, limits, storage,
                registration, newModules, moduleOptions, components);
    }

    private static List<String> normalizedHosts(List<String> hosts) {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("hosts: at least one host is required");
        }
        List<String> normalized = new ArrayList<>(hosts.size());
        for (int i = 0; i < hosts.size(); i++) {
            String host = domainOrThrow("hosts[" + i + "]", hosts.get(i));
            if (normalized.contains(host)) {
                throw new IllegalArgumentException("hosts[" + i + "]: '" + host + "' is listed twice");
            }
            normalized.add(host);
        }
        return List.copyOf(normalized);
    }

    /** A host must be a bare domain: no local part, no resource (RFC 7622 §3.2). */
    static String domainOrThrow(String key, String host) {
        String problem = key + ": must be a domain name such as example.org (was '" + host + "')";
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException(problem);
        }
        Jid jid;
        try {
            jid = JidCreate.from(host.strip());
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new IllegalArgumentException(problem, e);
        }
        if (!(jid instanceof DomainBareJid)) {
            throw new IllegalArgumentException(problem);
        }
        return jid.toString();
    }

    private static String directory(String key, String value, String defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(key + ": must not be empty");
        }
        return value.strip();
    }

    private static List<String> moduleNames(List<String> modules) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < modules.size(); i++) {
            String name = modules.get(i);
            if (name == null || !MODULE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("modules[" + i + "]: '" + name
                        + "' is not a module name (lower-case letters, digits, '-' and '_')");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("modules[" + i + "]: '" + name + "' is listed twice");
            }
        }
        return List.copyOf(modules);
    }

    private static Path resolve(Path installDir, String dir) {
        return installDir.resolve(dir).toAbsolutePath().normalize();
    }

    private static String resolveOrNull(Path installDir, String file) {
        return file == null ? null : resolve(installDir, file).toString();
    }
}
