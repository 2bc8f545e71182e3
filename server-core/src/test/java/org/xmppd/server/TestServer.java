package org.xmppd.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.server.config.ListenerConfig;
import org.xmppd.server.config.ListenersConfig;
import org.xmppd.server.config.ServerConfig;
import org.xmppd.server.module.ModuleHost;
import org.xmppd.server.sasl.ScramCredentials;
import org.xmppd.storage.ScramCredential;
import org.xmppd.storage.Storage;

/**
 * Starts a real server for a test class: ports chosen by the OS on 127.0.0.1, H2 in a fresh
 * directory, the self-signed certificate trusted by the clients it hands out.
 * <pre>
 * &#64;RegisterExtension static final TestServer SERVER = new TestServer();
 * </pre>
 */
public final class TestServer implements BeforeAllCallback, AfterAllCallback {
    public static final String DOMAIN = "localhost";
    public static final int ITERATIONS = 4096;

    private final UnaryOperator<ServerConfig> customizer;
    private Path dataDir;
    private ServerConfig config;
    private Storage storage;
    private XmppServer server;
    private SSLContext clientTls;
    private X509TrustManager trustManager;

    public TestServer() {
        this(UnaryOperator.identity());
    }

    /** A server whose configuration is changed by {@code customizer} before it starts. */
    public TestServer(UnaryOperator<ServerConfig> customizer) {
        this.customizer = customizer;
    }

    static {
        // Smack keeps its mechanisms in a static registry; registering the same class twice is harmless.
        org.jivesoftware.smack.SASLAuthentication.registerSASLMechanism(new ScramSha256ClientMechanism());
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
    }

    public void start() throws Exception {
        dataDir = Files.createTempDirectory("xmppd-test");
        ListenerConfig c2s = new ListenerConfig(true, "127.0.0.1", 0, true);
        ListenerConfig direct = new ListenerConfig(true, "127.0.0.1", 0, false);
        ServerConfig customized = customizer.apply(ServerConfig.defaults()
                .withDataDir(dataDir.toString())
                .withListeners(new ListenersConfig(c2s, direct)));
        // Components a test configures listen on a free port too (5347 belongs to real servers).
        config = withoutAbsentBundledModules(
                customized.withComponents(customized.components().withPort(0)));
        storage = Storage.open(config.storage(), dataDir);
        server = new XmppServer(config, storage);
        server.start();
        trustManager = trustSelfSigned(dataDir.resolve("tls/self-signed.crt"));
        clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, new javax.net.ssl.TrustManager[] {trustManager}, new SecureRandom());
    }

    /**
     * {@code config} without the default modules of other Maven modules ({@link
     * ServerConfig#BUNDLED_MODULES}, e.g. muc) that this test's class path lacks: server-core's
     * own tests run without them, while muc-module's tests, which have it, run it.
     */
    public static ServerConfig withoutAbsentBundledModules(ServerConfig config) {
        Set<String> present = ModuleHost.available(TestServer.class.getClassLoader()).keySet();
        List<String> modules = config.modules().stream()
                .filter(m -> present.contains(m) || !ServerConfig.BUNDLED_MODULES.contains(m)).toList();
        return modules.equals(config.modules()) ? config : config.withModules(modules);
    }

    /**
     * Stops the server and starts another on the same configuration, storage and data directory,
     * as a restart does (connections drop; the listeners get new ports).
     */
    public void restart() throws Exception {
        server.close();
        server = new XmppServer(config, storage);
        server.start();
    }

    public void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (storage != null) {
            storage.close();
        }
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    public XmppServer server() {
        return server;
    }

    /** What the server runs with (paths absolute). */
    public ServerConfig config() {
        return config;
    }

    /** Work done on the storage while the server is down (as {@code xmppd} commands do). */
    public interface DownTime {
        void run() throws Exception;
    }

    /**
     * Stops the server (every client is disconnected), runs {@code work} on the same storage, and
     * starts a new server on it, listening on new ports.
     */
    public void whileDown(DownTime work) throws Exception {
        server.close();
        work.run();
        server = new XmppServer(config, storage);
        server.start();
    }

    public Storage storage() {
        return storage;
    }

    public int c2sPort() {
        return server.boundAddress("c2s").getPort();
    }

    public int directTlsPort() {
        return server.boundAddress("c2s_direct_tls").getPort();
    }

    public InetSocketAddress c2sAddress() {
        return server.boundAddress("c2s");
    }

    /** The component listener (XEP-0114), bound when the test configured components. */
    public InetSocketAddress componentAddress() {
        return server.boundAddress("component");
    }

    /** A TLS context trusting the server's certificate, for raw clients. */
    public SSLContext clientTls() {
        return clientTls;
    }

    /** Creates an account with SCRAM-SHA-1 and SCRAM-SHA-256 credentials. */
    public EntityBareJid createUser(String localpart, String password) throws IOException {
        EntityBareJid jid = JidCreate.entityBareFrom(localpart + "@" + DOMAIN);
        SecureRandom random = new SecureRandom();
        List<ScramCredential> credentials = List.of(
                ScramCredentials.derive("SCRAM-SHA-1", password, ITERATIONS, random),
                ScramCredentials.derive("SCRAM-SHA-256", password, ITERATIONS, random));
        if (!storage.users().create(jid, credentials)) {
            throw new IllegalStateException(jid + " exists");
        }
        return jid;
    }

    /** Client settings for STARTTLS on the c2s port. */
    public XMPPTCPConnectionConfiguration.Builder starttls(String localpart, String password) throws IOException {
        return XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(DOMAIN)
                .setHost("127.0.0.1")
                .setPort(c2sPort())
                .setUsernameAndPassword(localpart, password)
                .setSecurityMode(SecurityMode.required)
                .setCustomX509TrustManager(trustManager)
                .setSendPresence(true);
    }

    /** Client settings for direct TLS (XEP-0368) on the second port. */
    public XMPPTCPConnectionConfiguration.Builder directTls(String localpart, String password) throws IOException {
        return XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(DOMAIN)
                .setHost("127.0.0.1")
                .setPort(directTlsPort())
                .setUsernameAndPassword(localpart, password)
                .setSecurityMode(SecurityMode.disabled)
                .setSocketFactory(clientTls.getSocketFactory())
                .setSendPresence(true);
    }

    /** Connects and logs in over STARTTLS with the given SASL mechanism. */
    public XMPPTCPConnection login(String localpart, String password, String mechanism) throws Exception {
        XMPPTCPConnection connection = new XMPPTCPConnection(
                starttls(localpart, password).addEnabledSaslMechanism(mechanism).build());
        connection.connect().login();
        return connection;
    }

    static X509TrustManager trustSelfSigned(Path certificate) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            int i = 0;
            for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("xmppd-" + i++, (X509Certificate) cert);
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return (X509TrustManager) factory.getTrustManagers()[0];
    }
}
