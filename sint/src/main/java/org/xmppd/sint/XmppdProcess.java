package org.xmppd.sint;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The server under test: the installed distribution started with {@code bin/xmppd start} and a
 * configuration of its own under the work directory (127.0.0.1:5222, in-band registration on,
 * H2 in a fresh data directory), stopped with {@code bin/xmppd stop}.
 */
final class XmppdProcess implements AutoCloseable {
    /** SINT has no port setting: it dials the standard client port (RFC 6120 §14.7). */
    static final int PORT = 5222;
    static final String DOMAIN = "localhost";
    static final String TRUST_STORE_PASSWORD = "sinttest";

    private final Path install;
    private final Path home;
    private boolean running;

    private XmppdProcess(Path install, Path home) {
        this.install = install;
        this.home = home;
    }

    /**
     * Starts the server; returns once it accepts connections.
     *
     * @throws SetupException when port 5222 is taken or the server does not start
     */
    static XmppdProcess start(Path install, Path home) throws IOException, SetupException {
        if (!Files.isExecutable(install.resolve("bin/xmppd"))) {
            throw new SetupException("no distribution at " + install + ": build it first (mvn -DskipTests package)");
        }
        requireOneVersionPerLibrary(install.resolve("lib"));
        requireFreePort();
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/xmppd.yml"), configuration(), StandardCharsets.UTF_8);
        // The server reads its logging configuration from beside the configuration file.
        Files.copy(install.resolve("conf/logback.xml"), home.resolve("conf/logback.xml"));
        XmppdProcess server = new XmppdProcess(install, home);
        Run start = server.command("start", "--config", home.resolve("conf/xmppd.yml").toString());
        if (start.exitCode() != 0) {
            throw new SetupException("xmppd did not start:\n" + start.output());
        }
        server.running = true;
        return server;
    }

    /**
     * The install tree is assembled into the same directory by every build, so a library whose
     * version changed leaves its old jar behind, and two versions on one class path fail in odd ways.
     * Jars of one version with different classifiers (native libraries per platform) are fine.
     */
    private static void requireOneVersionPerLibrary(Path lib) throws IOException, SetupException {
        Map<String, Map<String, List<String>>> byArtifact = new TreeMap<>();
        try (Stream<Path> jars = Files.list(lib)) {
            jars.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().forEach(n -> {
                String artifact = n.replaceFirst("-\\d.*$", "");
                String version = n.substring(Math.min(n.length(), artifact.length() + 1))
                        .replaceFirst("(-.*)?\\.jar$", "");
                byArtifact.computeIfAbsent(artifact, a -> new TreeMap<>())
                        .computeIfAbsent(version, v -> new ArrayList<>()).add(n);
            });
        }
        List<String> clashes = byArtifact.values().stream().filter(versions -> versions.size() > 1)
                .map(versions -> String.join(" and ", versions.values().stream().flatMap(List::stream).toList()))
                .toList();
        if (!clashes.isEmpty()) {
            throw new SetupException("stale libraries in " + lib + ": " + String.join("; ", clashes)
                    + " (rebuild the distribution from clean: mvn clean verify)");
        }
    }

    /** Port 5222 must be ours: another server there would be tested instead, silently. */
    private static void requireFreePort() throws SetupException {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", PORT), 500);
            throw new SetupException("port " + PORT + " on 127.0.0.1 is in use (another XMPP server?); SINT "
                    + "can only dial the standard port, so stop whatever listens there and run again");
        } catch (IOException expected) {
            // Nothing answers: free, unless something binds it without accepting.
        }
        try (ServerSocket bind = new ServerSocket()) {
            bind.bind(new InetSocketAddress("127.0.0.1", PORT));
        } catch (IOException e) {
            throw new SetupException("cannot bind 127.0.0.1:" + PORT + " (" + e.getMessage()
                    + "); SINT can only dial the standard port");
        }
    }

    private static String configuration() {
        return String.join("\n",
                "# Written by the sint module for one test run.",
                "hosts: [" + DOMAIN + "]",
                "listeners:",
                "  c2s: {address: 127.0.0.1, port: " + PORT + "}",
                "  c2s_direct_tls: {enabled: false}",
                "limits:",
                // SINT keeps its unauthenticated registration connection open for the whole run.
                "  handshake_timeout_seconds: 3600",
                "registration:",
                "  enabled: true",
                // Every run registers its own accounts, all from 127.0.0.1.
                "  max_accounts_per_address: 1000000",
                "  window_seconds: 1",
                "");
    }

    /**
     * A PKCS#12 trust store holding the server's self-signed certificate: SINT's pinning option
     * does not take effect, so its connections trust the server through the JVM's default trust
     * store instead ({@code javax.net.ssl.trustStore}).
     */
    Path writeTrustStore(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(home.resolve("data/tls/self-signed.crt"))) {
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("xmppd-" + i++, certificate);
            }
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, TRUST_STORE_PASSWORD.toCharArray());
        }
        return file;
    }

    Path logFile() {
        return home.resolve("logs/xmppd.log");
    }

    /** Stops the server gracefully; idempotent (the shutdown hook may race the normal stop). */
    @Override
    public synchronized void close() throws IOException {
        if (!running) {
            return;
        }
        running = false;
        Run stop = command("stop");
        if (stop.exitCode() != 0) {
            throw new IOException("xmppd did not stop:\n" + stop.output());
        }
    }

    private record Run(int exitCode, String output) {
    }

    private Run command(String... arguments) throws IOException {
        List<String> commandLine = new ArrayList<>();
        commandLine.add(install.resolve("bin/xmppd").toString());
        commandLine.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(commandLine).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("XMPPD_PID_FILE", home.resolve("run/xmppd.pid").toString());
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Run(-1, output + "\n(timed out)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return new Run(-1, output + "\n(interrupted)");
        }
        return new Run(process.exitValue(), output);
    }
}
