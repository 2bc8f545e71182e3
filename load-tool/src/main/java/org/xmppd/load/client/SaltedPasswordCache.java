package org.xmppd.load.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers SCRAM {@code SaltedPassword} values (RFC 5802 §3, {@code Hi(password, salt, i)}).
 * 4096 rounds of HMAC cost the client about as much as a whole login costs a fast server, so
 * without this cache the load generator, not the server, would limit the login rate. RFC 5802
 * §5.1 lets a client cache it; the server's work per login is unchanged.
 */
public final class SaltedPasswordCache {
    private record Key(String password, String salt, int iterations) {
    }

    private final Map<Key, byte[]> cache = new ConcurrentHashMap<>();

    /** {@code Hi(password, salt, iterations)}, computed once per distinct argument triple. */
    public byte[] saltedPassword(String password, byte[] salt, int iterations) {
        Key key = new Key(password, Base64.getEncoder().encodeToString(salt), iterations);
        return cache.computeIfAbsent(key, k -> hi(password.getBytes(StandardCharsets.UTF_8), salt, iterations)).clone();
    }

    /** RFC 5802 §2.2 {@code Hi()}: PBKDF2 with HMAC-SHA-1 and one block of output. */
    static byte[] hi(byte[] password, byte[] salt, int iterations) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(password, "HmacSHA1"));
            mac.update(salt);
            byte[] u = mac.doFinal(new byte[] {0, 0, 0, 1});
            byte[] result = Arrays.copyOf(u, u.length);
            for (int i = 1; i < iterations; i++) {
                u = mac.doFinal(u);
                for (int j = 0; j < result.length; j++) {
                    result[j] ^= u[j];
                }
            }
            return result;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }
}
