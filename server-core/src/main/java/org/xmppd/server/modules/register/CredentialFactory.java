package org.xmppd.server.modules.register;

import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.server.sasl.ScramCredentials;
import org.xmppd.storage.ScramCredential;

/**
 * Turns a password chosen in-band into what the server stores: SCRAM-SHA-1 and SCRAM-SHA-256
 * credentials (RFC 5802, RFC 7677), as {@code bin/xmppd adduser} does, so every client can log in
 * and the password itself is never kept.
 */
public final class CredentialFactory {
    private final int iterations;
    private final SecureRandom random;

    /** @param iterations PBKDF2 iterations of new credentials ({@code limits.scram_iterations}) */
    public CredentialFactory(int iterations, SecureRandom random) {
        this.iterations = iterations;
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Both credentials for {@code password}.
     *
     * @throws StanzaErrorException {@code not-acceptable} for an empty password or one that
     *                              OpaqueString (RFC 8265 §4.2) rejects
     */
    List<ScramCredential> derive(String password) throws StanzaErrorException {
        try {
            return List.of(
                    ScramCredentials.derive(ScramCredential.SCRAM_SHA_1, password, iterations, random),
                    ScramCredentials.derive(ScramCredential.SCRAM_SHA_256, password, iterations, random));
        } catch (IllegalArgumentException e) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE,
                    "The password is empty or contains characters that are not allowed");
        }
    }
}
