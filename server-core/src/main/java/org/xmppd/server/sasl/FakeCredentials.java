package org.xmppd.server.sasl;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.xmppd.storage.ScramCredential;

/**
 * Credentials for users that do not exist, so that an unknown user goes through the same exchange as
 * a wrong password (RFC 5802 §9 recommends hiding account existence). The salt is derived from a
 * server secret and the username, so asking twice for the same unknown user gives the same salt.
 */
final class FakeCredentials {

    private final byte[] secret;
    private final int iterations;

    FakeCredentials(byte[] secret, int iterations) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("fake-salt secret must have at least 16 bytes");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("SCRAM iteration count must be positive: " + iterations);
        }
        this.secret = secret.clone();
        this.iterations = iterations;
    }

    ScramCredential forUser(ScramAlgorithm algorithm, String localpart) {
        String id = algorithm.mechanism() + '\0' + localpart;
        byte[] salt = Arrays.copyOf(ScramAlgorithm.SHA_256.hmac(secret, "salt\0" + id), ScramCredentials.SALT_LENGTH);
        byte[] storedKey = algorithm.hmac(secret, ("stored\0" + id).getBytes(StandardCharsets.UTF_8));
        byte[] serverKey = algorithm.hmac(secret, ("server\0" + id).getBytes(StandardCharsets.UTF_8));
        return new ScramCredential(algorithm.mechanism(), salt, iterations, storedKey, serverKey);
    }
}
