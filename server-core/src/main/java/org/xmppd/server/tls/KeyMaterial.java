package org.xmppd.server.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The server's private key and certificate chain, leaf first.
 *
 * @param privateKey the leaf's private key
 * @param chain      the leaf certificate followed by any intermediates
 */
public record KeyMaterial(PrivateKey privateKey, List<X509Certificate> chain) {

    public KeyMaterial {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("certificate chain is empty");
        }
    }

    /** The server's own certificate. */
    public X509Certificate leaf() {
        return chain.get(0);
    }
}
