package org.xmppd.server.sasl;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A minimal SCRAM client for tests, written independently of the server code (JDK PBKDF2 instead of
 * the hand-rolled Hi) so that the two cross-check each other.
 */
final class ScramClient {

    private final String hash;
    private final String gs2Header;
    private final String clientFirstBare;
    private final byte[] bindingData;

    /**
     * @param sha256      SCRAM-SHA-256 when true, else SCRAM-SHA-1
     * @param gs2Header   e.g. {@code n,,} or {@code p=tls-server-end-point,,}
     * @param bindingData channel-binding data appended to the header in {@code c=}, or an empty array
     */
    ScramClient(boolean sha256, String gs2Header, String username, String clientNonce, byte[] bindingData) {
        this.hash = sha256 ? "SHA256" : "SHA1";
        this.gs2Header = gs2Header;
        this.clientFirstBare = "n=" + username + ",r=" + clientNonce;
        this.bindingData = bindingData.clone();
    }

    byte[] clientFirst() {
        return (gs2Header + clientFirstBare).getBytes(StandardCharsets.UTF_8);
    }

    /** The client-final-message for {@code password}, answering {@code serverFirst}. */
    byte[] clientFinal(byte[] serverFirst, String password) {
        String first = new String(serverFirst, StandardCharsets.UTF_8);
        String nonce = attribute(first, 'r');
        byte[] salt = Base64.getDecoder().decode(attribute(first, 's'));
        int iterations = Integer.parseInt(attribute(first, 'i'));
        byte[] cbind = concat(gs2Header.getBytes(StandardCharsets.UTF_8), bindingData);
        String withoutProof = "c=" + Base64.getEncoder().encodeToString(cbind) + ",r=" + nonce;
        String authMessage = clientFirstBare + "," + first + "," + withoutProof;
        byte[] salted = pbkdf2(password, salt, iterations);
        byte[] clientKey = hmac(salted, "Client Key");
        byte[] signature = hmac(digest(clientKey), authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        return (withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof)).getBytes(StandardCharsets.UTF_8);
    }

    /** The server-final-message a correct server sends for this exchange. */
    String expectedServerFinal(byte[] serverFirst, byte[] clientFinal, String password) {
        String first = new String(serverFirst, StandardCharsets.UTF_8);
        String finalMessage = new String(clientFinal, StandardCharsets.UTF_8);
        String withoutProof = finalMessage.substring(0, finalMessage.lastIndexOf(",p="));
        byte[] salted = pbkdf2(password, Base64.getDecoder().decode(attribute(first, 's')),
                Integer.parseInt(attribute(first, 'i')));
        byte[] serverKey = hmac(salted, "Server Key");
        String authMessage = clientFirstBare + "," + first + "," + withoutProof;
        return "v=" + Base64.getEncoder().encodeToString(hmac(serverKey, authMessage));
    }

    static String attribute(String message, char name) {
        for (String part : message.split(",")) {
            if (part.length() > 1 && part.charAt(0) == name && part.charAt(1) == '=') {
                return part.substring(2);
            }
        }
        throw new IllegalArgumentException("no " + name + "= in " + message);
    }

    private byte[] pbkdf2(String password, byte[] salt, int iterations) {
        try {
            int bits = hash.equals("SHA256") ? 256 : 160;
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, bits);
            return SecretKeyFactory.getInstance("PBKDF2WithHmac" + hash).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("Hmac" + hash);
            mac.init(new SecretKeySpec(key, "Hmac" + hash));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] digest(byte[] data) {
        try {
            return MessageDigest.getInstance(hash.equals("SHA256") ? "SHA-256" : "SHA-1").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = new byte[a.length + b.length];
        System.arraycopy(a, 0, result, 0, a.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }
}
