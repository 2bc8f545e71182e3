package org.xmppd.server.component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * XEP-0114 §3: the component proves it knows the shared secret by sending the lower-case hex
 * SHA-1 of the stream id followed by the secret.
 */
final class Handshake {
    private Handshake() {
    }

    /** The digest a component knowing {@code secret} sends on the stream {@code streamId}. */
    static String expected(String streamId, String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((streamId + secret).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }

    /** Whether {@code sent} proves {@code secret}; in constant time, and upper-case hex is accepted. */
    static boolean verify(String streamId, String secret, String sent) {
        byte[] expected = expected(streamId, secret).getBytes(StandardCharsets.US_ASCII);
        byte[] given = sent.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
