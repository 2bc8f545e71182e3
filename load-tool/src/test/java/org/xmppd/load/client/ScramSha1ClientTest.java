package org.xmppd.load.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import javax.security.sasl.SaslException;
import org.junit.jupiter.api.Test;

/** The exchange of RFC 5802 §5 (user "user", password "pencil"), byte for byte. */
class ScramSha1ClientTest {
    private static final String CLIENT_NONCE = "fyko+d2lbbFgONRv9qkxdawL";
    private static final String SERVER_FIRST = "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096";

    private final ScramSha1Client client = new ScramSha1Client("user", "pencil", CLIENT_NONCE, new SaltedPasswordCache());

    @Test
    void clientFirstMessageMatchesTheRfc() {
        assertEquals("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL", client.clientFirstMessage());
    }

    @Test
    void clientFinalMessageMatchesTheRfc() throws SaslException {
        assertEquals("c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=",
                client.clientFinalMessage(SERVER_FIRST));
    }

    @Test
    void acceptsTheRfcServerSignature() throws SaslException {
        client.clientFinalMessage(SERVER_FIRST);
        client.verifyServerFinal("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=");
    }

    @Test
    void rejectsAWrongServerSignature() throws SaslException {
        client.clientFinalMessage(SERVER_FIRST);
        SaslException e = assertThrows(SaslException.class, () -> client.verifyServerFinal("v=AAAAAAAAAAAAAAAAAAAAAAAAAAA="));
        assertEquals("Server signature does not match", e.getMessage());
    }

    @Test
    void reportsAServerError() throws SaslException {
        client.clientFinalMessage(SERVER_FIRST);
        SaslException e = assertThrows(SaslException.class, () -> client.verifyServerFinal("e=invalid-proof"));
        assertEquals("Server error: invalid-proof", e.getMessage());
    }

    @Test
    void rejectsANonceThatDoesNotExtendOurs() {
        assertThrows(SaslException.class, () -> client.clientFinalMessage("r=someoneelse,s=QSXCR+Q6sek8bf92,i=4096"));
        assertThrows(SaslException.class, () -> client.clientFinalMessage("r=" + CLIENT_NONCE + ",s=QSXCR+Q6sek8bf92,i=4096"));
    }

    @Test
    void rejectsAServerFirstWithoutSalt() {
        SaslException e = assertThrows(SaslException.class,
                () -> client.clientFinalMessage("r=" + CLIENT_NONCE + "abc,i=4096"));
        assertEquals("SCRAM message lacks 's='", e.getMessage());
    }

    @Test
    void escapesCommaAndEqualsInTheName() {
        assertEquals("a=2Cb=3Dc", ScramSha1Client.escapeName("a,b=c"));
        assertEquals("n,,n=a=2Cb,r=x", new ScramSha1Client("a,b", "p", "x", new SaltedPasswordCache()).clientFirstMessage());
    }
}
