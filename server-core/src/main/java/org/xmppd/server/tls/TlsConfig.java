package org.xmppd.server.tls;

import java.util.List;

/**
 * YAML section {@code tls}.
 *
 * @param certificate PEM file with the full chain, leaf first (e.g. Let's Encrypt {@code fullchain.pem}),
 *                    or null to use a self-signed certificate generated under {@code <data_dir>/tls/}
 * @param privateKey  PEM file with the leaf's private key: PKCS#8, PKCS#1 RSA or SEC1 EC, unencrypted;
 *                    required exactly when {@code certificate} is set
 * @param protocols   TLS versions to accept; only {@code TLSv1.3} and {@code TLSv1.2} are allowed
 *                    (RFC 7590 §3.1, RFC 8996 deprecates older ones); default both
 * @param provider    whose TLS implementation runs the handshakes and records: {@code openssl}
 *                    (BoringSSL through netty-tcnative, the default; the JDK's where it cannot
 *                    load), {@code jdk} (the JDK's own) or {@code conscrypt} (BoringSSL through
 *                    Conscrypt, which opens a pipe per engine: three file descriptors per connection)
 */
public record TlsConfig(String certificate, String privateKey, List<String> protocols, String provider) {

    /** The accepted protocol names, preferred first. */
    public static final List<String> ALLOWED_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** The accepted provider names, the default first. */
    public static final List<String> PROVIDERS = List.of("openssl", "jdk", "conscrypt");

    /** Applies defaults and validates; messages name the key relative to {@code tls}. */
    public TlsConfig {
        protocols = protocols == null ? ALLOWED_PROTOCOLS : List.copyOf(protocols);
        if (protocols.isEmpty()) {
            throw new IllegalArgumentException("protocols: must list at least one of "
                    + String.join(", ", ALLOWED_PROTOCOLS));
        }
        for (String protocol : protocols) {
            if (!ALLOWED_PROTOCOLS.contains(protocol)) {
                throw new IllegalArgumentException("protocols: unsupported TLS protocol '" + protocol
                        + "' (allowed: " + String.join(", ", ALLOWED_PROTOCOLS) + ")");
            }
        }
        provider = provider == null ? PROVIDERS.get(0) : provider;
        if (!PROVIDERS.contains(provider)) {
            throw new IllegalArgumentException("provider: unknown TLS provider '" + provider + "' (allowed: "
                    + String.join(", ", PROVIDERS) + ")");
        }
        if ((certificate == null) != (privateKey == null)) {
            throw new IllegalArgumentException(certificate == null
                    ? "certificate: must be set when private_key is set"
                    : "private_key: must be set when certificate is set");
        }
    }

    /** Without a provider: the default one. */
    public TlsConfig(String certificate, String privateKey, List<String> protocols) {
        this(certificate, privateKey, protocols, null);
    }

    /** Defaults: self-signed certificate, TLS 1.3 and 1.2, BoringSSL. */
    public static TlsConfig defaults() {
        return new TlsConfig(null, null, null, null);
    }

    /** True when an operator-provided certificate and key are configured. */
    public boolean hasCertificate() {
        return certificate != null;
    }
}
