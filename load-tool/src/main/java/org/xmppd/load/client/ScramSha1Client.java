package org.xmppd.load.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.security.sasl.SaslException;

/**
 * The client side of one SCRAM-SHA-1 exchange (RFC 5802 §3, §5), without channel binding: the
 * gs2 header is {@code n,,} ("the client does not support channel binding", §7), so a server that
 * also offers SCRAM-SHA-1-PLUS accepts it. Single use, not thread-safe.
 */
public final class ScramSha1Client {
    private static final String GS2_HEADER = "n,,";
    private static final int MIN_ITERATIONS = 1;

    private final String password;
    private final String clientFirstBare;
    private final String clientNonce;
    private final SaltedPasswordCache cache;
    private byte[] serverSignature;

    public ScramSha1Client(String username, String password, String clientNonce, SaltedPasswordCache cache) {
        this.password = Objects.requireNonNull(password, "password");
        this.clientNonce = Objects.requireNonNull(clientNonce, "clientNonce");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.clientFirstBare = "n=" + escapeName(username) + ",r=" + clientNonce;
    }

    /** The client-first-message, the initial response of {@code <auth/>}. */
    public String clientFirstMessage() {
        return GS2_HEADER + clientFirstBare;
    }

    /** The client-final-message answering {@code serverFirst}; checks the nonce extends ours (§5.1). */
    public String clientFinalMessage(String serverFirst) throws SaslException {
        Map<Character, String> fields = parse(serverFirst);
        String nonce = required(fields, 'r');
        if (!nonce.startsWith(clientNonce) || nonce.length() == clientNonce.length()) {
            throw new SaslException("Server nonce does not extend the client nonce: " + nonce);
        }
        byte[] salt = Base64.getDecoder().decode(required(fields, 's'));
        int iterations = Integer.parseInt(required(fields, 'i'));
        if (iterations < MIN_ITERATIONS) {
            throw new SaslException("Bad iteration count " + iterations);
        }
        String withoutProof = "c=" + Base64.getEncoder().encodeToString(GS2_HEADER.getBytes(StandardCharsets.US_ASCII))
                + ",r=" + nonce;
        byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof)
                .getBytes(StandardCharsets.UTF_8);
        byte[] saltedPassword = cache.saltedPassword(password, salt, iterations);
        byte[] clientKey = hmac(saltedPassword, "Client Key".getBytes(StandardCharsets.US_ASCII));
        byte[] storedKey = sha1(clientKey);
        byte[] clientSignature = hmac(storedKey, authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ clientSignature[i]);
        }
        byte[] serverKey = hmac(saltedPassword, "Server Key".getBytes(StandardCharsets.US_ASCII));
        serverSignature = hmac(serverKey, authMessage);
        return withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
    }

    /** Checks the server-final-message ({@code v=}, §5.1), proving the server knew the password. */
    public void verifyServerFinal(String serverFinal) throws SaslException {
        if (serverSignature == null) {
            throw new SaslException("Server-final before client-final");
        }
        Map<Character, String> fields = parse(serverFinal);
        if (fields.containsKey('e')) {
            throw new SaslException("Server error: " + fields.get('e'));
        }
        byte[] received = Base64.getDecoder().decode(required(fields, 'v'));
        if (!MessageDigest.isEqual(received, serverSignature)) {
            throw new SaslException("Server signature does not match");
        }
    }

    /** RFC 5802 §5.1: '=' and ',' in the name travel as "=3D" and "=2C". */
    static String escapeName(String username) {
        return username.replace("=", "=3D").replace(",", "=2C");
    }

    private static Map<Character, String> parse(String message) throws SaslException {
        Map<Character, String> fields = new HashMap<>();
        for (String part : message.split(",")) {
            if (part.length() < 2 || part.charAt(1) != '=') {
                throw new SaslException("Malformed SCRAM message: " + message);
            }
            fields.putIfAbsent(part.charAt(0), part.substring(2));
        }
        return fields;
    }

    private static String required(Map<Character, String> fields, char name) throws SaslException {
        String value = fields.get(name);
        if (value == null) {
            throw new SaslException("SCRAM message lacks '" + name + "='");
        }
        return value;
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }

    private static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }
}
