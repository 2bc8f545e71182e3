package org.xmppd.server.sasl;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * Produces the server part of the SCRAM nonce (RFC 5802 §5.1 {@code r=}). Injectable so that tests can
 * replay the RFC test vectors; production uses {@link #secure(SecureRandom)}.
 */
@FunctionalInterface
public interface NonceSource {

    /** A fresh nonce of printable ASCII without ',' (RFC 5802 §7 {@code c-nonce}/{@code s-nonce}). */
    String next();

    /** 18 random bytes, base64 encoded: 144 bits, and base64 never contains ','. */
    static NonceSource secure(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        return () -> {
            byte[] bytes = new byte[18];
            random.nextBytes(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        };
    }
}
