package org.xmppd.server.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * The server's TLS setup: an {@link SSLContext} holding the key material, the protocol versions to
 * enable on every engine or socket made from it, and the RFC 5929 channel-binding hash.
 * Immutable and shared by all listeners.
 */
public final class TlsContext {

    private final SSLContext sslContext;
    private final Supplier<SSLEngine> engines;
    private final List<String> protocols;
    private final KeyMaterial keyMaterial;
    private final byte[] tlsServerEndPoint;

    private TlsContext(SSLContext sslContext, Supplier<SSLEngine> engines, List<String> protocols,
            KeyMaterial keyMaterial) {
        this.sslContext = sslContext;
        this.engines = engines;
        this.protocols = List.copyOf(protocols);
        this.keyMaterial = keyMaterial;
        this.tlsServerEndPoint = TlsServerEndPoint.of(keyMaterial.leaf()).orElse(null);
    }

    /**
     * Builds the context for {@code keyMaterial} on {@code provider}'s TLS implementation, enabling
     * only {@code protocols} (each of {@link TlsConfig#ALLOWED_PROTOCOLS}).
     */
    public static TlsContext create(KeyMaterial keyMaterial, List<String> protocols, String provider,
            SecureRandom random)
            throws TlsSetupException {
        Objects.requireNonNull(keyMaterial, "keyMaterial");
        if (protocols.isEmpty() || !TlsConfig.ALLOWED_PROTOCOLS.containsAll(protocols)) {
            throw new IllegalArgumentException("protocols: only " + TlsConfig.ALLOWED_PROTOCOLS + " are allowed");
        }
        try {
            // The key store lives only in memory; the password merely satisfies the KeyStore API.
            byte[] secret = new byte[18];
            random.nextBytes(secret);
            char[] password = Base64.getEncoder().encodeToString(secret).toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", keyMaterial.privateKey(), password,
                    keyMaterial.chain().toArray(X509Certificate[]::new));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS", TlsProviders.jsse(provider));
            context.init(keyManagers.getKeyManagers(), null, random);
            Supplier<SSLEngine> engines = TlsProviders.isOpenSsl(provider)
                    ? OpenSslEngines.of(keyMaterial, protocols)
                    : context::createSSLEngine;
            return new TlsContext(context, engines, protocols, keyMaterial);
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsSetupException("cannot build the TLS context: " + e.getMessage(), e);
        }
    }

    /**
     * The JSSE context. Whoever makes engines or sockets from it must also apply
     * {@link #enabledProtocols()} (MINA: {@code SslFilter.setEnabledProtocols}), or use
     * {@link #newServerEngine()}.
     */
    public SSLContext sslContext() {
        return sslContext;
    }

    /** The protocol versions to enable, e.g. {@code TLSv1.3, TLSv1.2}. */
    public String[] enabledProtocols() {
        return protocols.toArray(String[]::new);
    }

    /**
     * A new engine of the configured provider, before any setting; for {@code openssl} not one of
     * {@link #sslContext()}'s. See {@link #newServerEngine()}.
     */
    public Supplier<SSLEngine> engines() {
        return engines;
    }

    /** A server-mode engine with the protocols restricted and the server's cipher order preferred. */
    public SSLEngine newServerEngine() {
        SSLEngine engine = engines.get();
        engine.setUseClientMode(false);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setProtocols(enabledProtocols());
        parameters.setUseCipherSuitesOrder(true);
        engine.setSSLParameters(parameters);
        return engine;
    }

    /** The server's own certificate. */
    public X509Certificate certificate() {
        return keyMaterial.leaf();
    }

    /** The full chain, leaf first. */
    public List<X509Certificate> chain() {
        return keyMaterial.chain();
    }

    /**
     * RFC 5929 {@code tls-server-end-point} binding data of {@link #certificate()}, for SCRAM -PLUS;
     * empty when the certificate's signature algorithm leaves it undefined.
     */
    public Optional<byte[]> tlsServerEndPoint() {
        return Optional.ofNullable(tlsServerEndPoint).map(byte[]::clone);
    }
}
