package org.xmppd.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.callback.CallbackHandler;
import org.jivesoftware.smack.SmackException.SmackSaslException;
import org.jivesoftware.smack.sasl.SASLMechanism;

/**
 * Client side of SCRAM-SHA-256 (RFC 7677) for Smack, which ships only SCRAM-SHA-1: Smack's
 * SCRAM base class hashes with SHA-1 whatever the HMAC, so it cannot be reused.
 */
public final class ScramSha256ClientMechanism extends SASLMechanism {
    public static final String NAME = "SCRAM-SHA-256";

    private String clientFirstBare;
    private String nonce;
    private byte[] expectedServerSignature;
    private boolean verified;

    @Override
    protected void authenticateInternal(CallbackHandler handler) {
        throw new UnsupportedOperationException("CallbackHandler authentication is not supported");
    }

    @Override
    protected byte[] getAuthenticationText() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        nonce = Base64.getEncoder().encodeToString(random);
        String user = authenticationId.replace("=", "=3D").replace(",", "=2C");
        clientFirstBare = "n=" + user + ",r=" + nonce;
        return ("n,," + clientFirstBare).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected byte[] evaluateChallenge(byte[] challenge) throws SmackSaslException {
        String message = new String(challenge, StandardCharsets.UTF_8);
        Map<Character, String> attributes = parse(message);
        if (attributes.containsKey('v')) {
            byte[] signature = Base64.getDecoder().decode(attributes.get('v'));
            if (!MessageDigest.isEqual(signature, expectedServerSignature)) {
                throw new SmackSaslException("Server signature does not match");
            }
            verified = true;
            return null;
        }
        String serverNonce = attributes.get('r');
        if (serverNonce == null || !serverNonce.startsWith(nonce)) {
            throw new SmackSaslException("Server nonce does not extend the client nonce");
        }
        try {
            byte[] salt = Base64.getDecoder().decode(attributes.get('s'));
            int iterations = Integer.parseInt(attributes.get('i'));
            SecretKeyFactory pbkdf2 = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            byte[] salted = pbkdf2.generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256))
                    .getEncoded();
            byte[] clientKey = hmac(salted, "Client Key");
            byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
            String withoutProof = "c=biws,r=" + serverNonce;
            String authMessage = clientFirstBare + "," + message + "," + withoutProof;
            byte[] clientSignature = hmac(storedKey, authMessage);
            byte[] proof = new byte[clientKey.length];
            for (int i = 0; i < proof.length; i++) {
                proof[i] = (byte) (clientKey[i] ^ clientSignature[i]);
            }
            expectedServerSignature = hmac(hmac(salted, "Server Key"), authMessage);
            return (withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof))
                    .getBytes(StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new SmackSaslException(e);
        }
    }

    private static byte[] hmac(byte[] key, String text) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<Character, String> parse(String message) {
        Map<Character, String> attributes = new HashMap<>();
        for (String part : message.split(",")) {
            if (part.length() > 1 && part.charAt(1) == '=') {
                attributes.put(part.charAt(0), part.substring(2));
            }
        }
        return attributes;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getPriority() {
        return 105; // preferred over SCRAM-SHA-1 (110 is lower priority in Smack)
    }

    @Override
    public void checkIfSuccessfulOrThrow() throws SmackSaslException {
        if (!verified) {
            throw new SmackSaslException("The server did not prove it knows the password");
        }
    }

    @Override
    protected SASLMechanism newInstance() {
        return new ScramSha256ClientMechanism();
    }
}
