package org.xmppd.server.sasl;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The hash families of SCRAM (RFC 5802 §2.2 H/HMAC/Hi, RFC 7677 §3) and their mechanism names. */
enum ScramAlgorithm {
    SHA_1("SCRAM-SHA-1", "SHA-1", "HmacSHA1"),
    SHA_256("SCRAM-SHA-256", "SHA-256", "HmacSHA256");

    private final String mechanism;
    private final String digest;
    private final String mac;

    ScramAlgorithm(String mechanism, String digest, String mac) {
        this.mechanism = mechanism;
        this.digest = digest;
        this.mac = mac;
    }

    /** The base mechanism name, without -PLUS; also the {@code ScramCredential.mechanism()} value. */
    String mechanism() {
        return mechanism;
    }

    static Optional<ScramAlgorithm> forMechanism(String name) {
        return Arrays.stream(values()).filter(a -> a.mechanism.equals(name)).findFirst();
    }

    byte[] hash(byte[] data) {
        try {
            return MessageDigest.getInstance(digest).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK must provide " + digest, e);
        }
    }

    byte[] hmac(byte[] key, byte[] data) {
        return newMac(key).doFinal(data);
    }

    byte[] hmac(byte[] key, String data) {
        return hmac(key, data.getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 5802 §2.2 {@code Hi()}: PBKDF2 with HMAC-H and dkLen = hash length. */
    byte[] hi(byte[] password, byte[] salt, int iterations) {
        Mac prf = newMac(password);
        prf.update(salt);
        byte[] u = prf.doFinal(new byte[] {0, 0, 0, 1});
        byte[] result = u.clone();
        for (int i = 1; i < iterations; i++) {
            u = prf.doFinal(u);
            for (int j = 0; j < result.length; j++) {
                result[j] ^= u[j];
            }
        }
        return result;
    }

    private Mac newMac(byte[] key) {
        try {
            Mac m = Mac.getInstance(mac);
            m.init(new SecretKeySpec(key, mac));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK must provide " + mac, e);
        }
    }
}
