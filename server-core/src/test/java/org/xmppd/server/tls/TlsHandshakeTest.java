package org.xmppd.server.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Real handshakes over loopback sockets against the server's {@link TlsContext}, on each TLS provider. */
class TlsHandshakeTest {

    private static final int TIMEOUT_MILLIS = 10_000;

    @TempDir
    Path dataDir;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final SecureRandom random = new SecureRandom();

    @AfterEach
    void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    private TlsContext server(String provider, List<String> protocols) throws TlsSetupException {
        return new TlsContextFactory(Clock.systemUTC(), random)
                .create(new TlsConfig(null, null, protocols, provider), dataDir, List.of("localhost"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"conscrypt", "jdk"})
    void tls13HandshakeSucceeds(String provider) throws Exception {
        TlsContext tls = server(provider, null);
        assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, tls.enabledProtocols());
        assertEquals("TLSv1.3", handshake(tls, "TLSv1.3"));
        assertEquals("TLSv1.2", handshake(tls, "TLSv1.2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"conscrypt", "jdk"})
    void serverOnlyAcceptsConfiguredProtocols(String provider) throws Exception {
        TlsContext tls = server(provider, List.of("TLSv1.3"));
        assertThrows(SSLException.class, () -> handshake(tls, "TLSv1.2"));
        assertEquals("TLSv1.3", handshake(tls, "TLSv1.3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"conscrypt", "jdk"})
    void tls11IsRefused(String provider) throws Exception {
        TlsContext tls = server(provider, null);
        assertThrows(SSLException.class, () -> handshake(tls, "TLSv1.1"));
    }

    /**
     * The JDK client cannot even offer TLS 1.1 (disabled in java.security), so this speaks it on the
     * wire: a TLS 1.1 ClientHello must get a fatal protocol_version alert (RFC 8446 §6.2, alert 70).
     */
    @ParameterizedTest
    @ValueSource(strings = {"conscrypt", "jdk"})
    void rawTls11ClientHelloGetsProtocolVersionAlert(String provider) throws Exception {
        TlsContext tls = server(provider, null);
        try (SSLServerSocket listener = listen(tls)) {
            CompletableFuture<Throwable> serverSide = acceptAndHandshake(listener);
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                client.setSoTimeout(TIMEOUT_MILLIS);
                client.getOutputStream().write(tls11ClientHello());
                client.getOutputStream().flush();
                byte[] alert = client.getInputStream().readNBytes(7);
                assertEquals(0x15, alert[0], "alert record");
                assertEquals(2, alert[5], "fatal");
                assertEquals(70, alert[6], "protocol_version");
            }
            assertInstanceOf(SSLException.class, serverSide.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"conscrypt", "jdk"})
    void serverEngineIsRestricted(String provider) throws Exception {
        SSLEngine engine = server(provider, List.of("TLSv1.3")).newServerEngine();
        assertArrayEquals(new String[] {"TLSv1.3"}, engine.getEnabledProtocols());
        assertEquals(false, engine.getUseClientMode());
    }

    /** Handshakes a client restricted to {@code protocol}; returns the negotiated protocol. */
    private String handshake(TlsContext tls, String protocol) throws Exception {
        try (SSLServerSocket listener = listen(tls)) {
            CompletableFuture<Throwable> serverSide = acceptAndHandshake(listener);
            String negotiated;
            try (SSLSocket client = (SSLSocket) clientContext(tls).getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                client.setSoTimeout(TIMEOUT_MILLIS);
                client.setEnabledProtocols(new String[] {protocol});
                client.startHandshake();
                client.getOutputStream().write('x');
                client.getOutputStream().flush();
                negotiated = client.getSession().getProtocol();
            }
            // Only after the client's close_notify: a TLS 1.3 server close waits for it (duplex close).
            Throwable serverError = serverSide.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            if (serverError != null) {
                throw new AssertionError("server side failed", serverError);
            }
            return negotiated;
        }
    }

    private SSLServerSocket listen(TlsContext tls) throws IOException {
        SSLServerSocket listener = (SSLServerSocket) tls.sslContext().getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
        listener.setEnabledProtocols(tls.enabledProtocols());
        listener.setSoTimeout(TIMEOUT_MILLIS);
        return listener;
    }

    /** Accepts one connection and reads a byte through TLS; completes with the failure, or null. */
    private CompletableFuture<Throwable> acceptAndHandshake(SSLServerSocket listener) {
        return CompletableFuture.supplyAsync(() -> {
            try (SSLSocket socket = (SSLSocket) listener.accept()) {
                socket.setSoTimeout(TIMEOUT_MILLIS);
                socket.startHandshake();
                InputStream in = socket.getInputStream();
                return in.read() == 'x' ? null : new AssertionError("no data after handshake");
            } catch (IOException e) {
                return e;
            }
        }, executor);
    }

    private static SSLContext clientContext(TlsContext tls) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", tls.certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static byte[] tls11ClientHello() {
        ByteArrayOutputStream hello = new ByteArrayOutputStream();
        hello.write(3);
        hello.write(2);
        hello.writeBytes(new byte[32]);
        hello.write(0);
        hello.writeBytes(new byte[] {0, 4, (byte) 0xC0, 0x14, 0x00, 0x2F});
        hello.writeBytes(new byte[] {1, 0});
        byte[] body = hello.toByteArray();
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.writeBytes(new byte[] {0x16, 3, 1, 0, (byte) (body.length + 4)});
        record.writeBytes(new byte[] {1, 0, 0, (byte) body.length});
        record.writeBytes(body);
        return record.toByteArray();
    }
}
