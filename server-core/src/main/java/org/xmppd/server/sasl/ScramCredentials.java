package org.xmppd.server.sasl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Objects;
import org.xmppd.storage.ScramCredential;

/**
 * Derives and checks SCRAM credentials (RFC 5802 §3): the server stores salt, iteration count,
 * StoredKey and ServerKey, never the password.
 */
public final class ScramCredentials {

    /** RFC 7677 §4: at least 4096 iterations. Callers pass the configured count. */
    public static final int DEFAULT_ITERATIONS = 4096;

    /** Salt length in bytes for new credentials (and for the fake ones of unknown users). */
    public static final int SALT_LENGTH = 16;

    private ScramCredentials() {
    }

    /**
     * A new credential for {@code password} with a fresh random salt.
     *
     * @param mechanism {@code SCRAM-SHA-1} or {@code SCRAM-SHA-256}
     * @throws IllegalArgumentException on an unknown mechanism, iterations below 1, or an empty or
     *                                  invalid password (RFC 8265 §4.2)
     */
    public static ScramCredential derive(String mechanism, String password, int iterations, SecureRandom random) {
        byte[] salt = new byte[SALT_LENGTH];
        Objects.requireNonNull(random, "random").nextBytes(salt);
        return derive(mechanism, password, salt, iterations);
    }

    /** A credential for {@code password} with the given salt (used by PLAIN and by test vectors). */
    public static ScramCredential derive(String mechanism, String password, byte[] salt, int iterations) {
        ScramAlgorithm algorithm = ScramAlgorithm.forMechanism(mechanism).orElseThrow(() ->
                new IllegalArgumentException("unsupported SCRAM mechanism: " + mechanism
                        + " (expected SCRAM-SHA-1 or SCRAM-SHA-256)"));
        if (iterations < 1) {
            throw new IllegalArgumentException("SCRAM iteration count must be positive: " + iterations);
        }
        if (salt == null || salt.length == 0) {
            throw new IllegalArgumentException("SCRAM salt must not be empty");
        }
        return derivePrepared(algorithm, OpaqueString.prepare(password), salt, iterations);
    }

    /**
     * Whether {@code password} matches {@code credential}, compared in constant time. An invalid
     * password or a credential of an unknown mechanism never matches.
     */
    public static boolean verify(ScramCredential credential, String password) {
        ScramAlgorithm algorithm = ScramAlgorithm.forMechanism(credential.mechanism()).orElse(null);
        String prepared = OpaqueString.prepareOrNull(password);
        if (algorithm == null || prepared == null) {
            return false;
        }
        ScramCredential candidate = derivePrepared(algorithm, prepared, credential.salt(), credential.iterations());
        return MessageDigest.isEqual(candidate.storedKey(), credential.storedKey());
    }

    static ScramCredential derivePrepared(ScramAlgorithm algorithm, String prepared, byte[] salt, int iterations) {
        byte[] salted = algorithm.hi(prepared.getBytes(StandardCharsets.UTF_8), salt, iterations);
        byte[] clientKey = algorithm.hmac(salted, "Client Key");
        byte[] storedKey = algorithm.hash(clientKey);
        byte[] serverKey = algorithm.hmac(salted, "Server Key");
        return new ScramCredential(algorithm.mechanism(), salt.clone(), iterations, storedKey, serverKey);
    }
}
