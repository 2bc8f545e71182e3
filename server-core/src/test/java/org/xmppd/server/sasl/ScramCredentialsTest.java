package org.xmppd.server.sasl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xmppd.storage.ScramCredential;

class ScramCredentialsTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void derivedCredentialVerifiesOnlyItsPassword() {
        ScramCredential credential = ScramCredentials.derive("SCRAM-SHA-256", "secret", 4096, random);
        assertEquals("SCRAM-SHA-256", credential.mechanism());
        assertEquals(ScramCredentials.SALT_LENGTH, credential.salt().length);
        assertEquals(32, credential.storedKey().length);
        assertTrue(ScramCredentials.verify(credential, "secret"));
        assertFalse(ScramCredentials.verify(credential, "Secret"));
        assertFalse(ScramCredentials.verify(credential, ""));
    }

    @Test
    void saltIsRandom() {
        ScramCredential a = ScramCredentials.derive("SCRAM-SHA-1", "secret", 4096, random);
        ScramCredential b = ScramCredentials.derive("SCRAM-SHA-1", "secret", 4096, random);
        assertFalse(java.util.Arrays.equals(a.salt(), b.salt()));
        assertFalse(java.util.Arrays.equals(a.storedKey(), b.storedKey()));
    }

    /** RFC 5802 §5 / RFC 7677 §3 intermediate values, computed from the published exchanges. */
    @Test
    void handRolledHiMatchesTheJdkPbkdf2() {
        byte[] salt = SaslFixtures.base64("W22ZaJ0SNY7soEsUEjb6gQ==");
        ScramCredential credential = ScramCredentials.derive("SCRAM-SHA-256", "pencil", salt, 4096);
        ScramClient client = new ScramClient(true, "n,,", "user", "abc", new byte[0]);
        byte[] serverFirst = SaslFixtures.utf8("r=abcdef,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
        byte[] clientFinal = client.clientFinal(serverFirst, "pencil");
        ScramAlgorithm sha256 = ScramAlgorithm.SHA_256;
        String authMessage = "n=user,r=abc,r=abcdef,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,c=biws,r=abcdef";
        assertEquals(client.expectedServerFinal(serverFirst, clientFinal, "pencil"), "v="
                + java.util.Base64.getEncoder().encodeToString(sha256.hmac(credential.serverKey(), authMessage)));
    }

    @Test
    void passwordIsPrepared() {
        ScramCredential composed = ScramCredentials.derive("SCRAM-SHA-256", "caf\u00e9", new byte[] {1}, 4096);
        ScramCredential decomposed = ScramCredentials.derive("SCRAM-SHA-256", "cafe\u0301", new byte[] {1}, 4096);
        assertArrayEquals(composed.storedKey(), decomposed.storedKey());
        assertTrue(ScramCredentials.verify(composed, "caf\u00e9"));
    }

    @Test
    void invalidInputsAreRejectedWithAClearMessage() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> ScramCredentials.derive("SCRAM-SHA-256", "", 4096, random));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        IllegalArgumentException mechanism = assertThrows(IllegalArgumentException.class,
                () -> ScramCredentials.derive("SCRAM-MD5", "secret", 4096, random));
        assertTrue(mechanism.getMessage().contains("SCRAM-MD5"), mechanism.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ScramCredentials.derive("SCRAM-SHA-1", "secret", 0, random));
    }

    @Test
    void opaqueStringMapsSpacesAndNormalizes() {
        assertEquals("a b c", OpaqueString.prepare("a\u00a0b\u2003c"));
        assertEquals("\u00e9", OpaqueString.prepare("e\u0301"));
        assertEquals("Ab\uff21", OpaqueString.prepare("Ab\uff21"), "no case or width mapping (RFC 8265 §4.2.1)");
        assertEquals("\ud83d\udc68\u200d\ud83d\udc69", OpaqueString.prepare("\ud83d\udc68\u200d\ud83d\udc69"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bell\u0007", "tab\t", "private\ue000", "lone\ud800", "bidi\u202e", "bom\ufeff",
        "unassigned\u0378"})
    void opaqueStringRejectsDisallowedCharacters(String password) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OpaqueString.prepare(password));
        assertTrue(e.getMessage().contains("U+"), e.getMessage());
        assertFalse(e.getMessage().contains(password), "the password must not appear in the message");
    }
}
