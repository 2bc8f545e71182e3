package org.xmppd.storage;

import java.util.Arrays;
import java.util.Objects;

/**
 * SCRAM salted credential for one mechanism (RFC 5802 §3, RFC 7677): what the server keeps
 * instead of the password. {@code storedKey = H(ClientKey)} lets the server verify a client
 * proof; {@code serverKey} lets it prove itself. Neither reveals the password.
 *
 * <p>Byte arrays are copied in and out, so instances are immutable; equality is by content.
 *
 * @param mechanism  the SASL mechanism name, e.g. {@code SCRAM-SHA-1} or {@code SCRAM-SHA-256}
 * @param salt       the per-user salt (non-empty)
 * @param iterations the PBKDF2 iteration count i (positive)
 * @param storedKey  H(ClientKey)
 * @param serverKey  HMAC(SaltedPassword, "Server Key")
 */
public record ScramCredential(String mechanism, byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {
    /** Longest mechanism name: RFC 4422 §3.1 limits SASL mechanism names to 20 characters. */
    public static final int MAX_MECHANISM_LENGTH = 20;
    public static final String SCRAM_SHA_1 = "SCRAM-SHA-1";
    public static final String SCRAM_SHA_256 = "SCRAM-SHA-256";

    public ScramCredential {
        Objects.requireNonNull(mechanism, "mechanism");
        if (mechanism.isEmpty() || mechanism.length() > MAX_MECHANISM_LENGTH) {
            throw new IllegalArgumentException("SASL mechanism name must be 1-20 characters: " + mechanism);
        }
        salt = copyNonEmpty(salt, "salt");
        storedKey = copyNonEmpty(storedKey, "storedKey");
        serverKey = copyNonEmpty(serverKey, "serverKey");
        if (iterations <= 0) {
            throw new IllegalArgumentException("iterations must be positive: " + iterations);
        }
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] storedKey() {
        return storedKey.clone();
    }

    @Override
    public byte[] serverKey() {
        return serverKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScramCredential that
                && iterations == that.iterations
                && mechanism.equals(that.mechanism)
                && Arrays.equals(salt, that.salt)
                && Arrays.equals(storedKey, that.storedKey)
                && Arrays.equals(serverKey, that.serverKey);
    }

    @Override
    public int hashCode() {
        int result = Objects.hash(mechanism, iterations);
        result = 31 * result + Arrays.hashCode(salt);
        result = 31 * result + Arrays.hashCode(storedKey);
        return 31 * result + Arrays.hashCode(serverKey);
    }

    /** Leaves the key material out, so credentials never end up in logs. */
    @Override
    public String toString() {
        return "ScramCredential[" + mechanism + ", iterations=" + iterations + "]";
    }

    private static byte[] copyNonEmpty(byte[] bytes, String name) {
        Objects.requireNonNull(bytes, name);
        if (bytes.length == 0) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return bytes.clone();
    }
}
