package org.xmppd.server.sasl;

import java.util.Optional;
import org.xmppd.storage.ScramCredential;

/**
 * Finds a user's stored SCRAM credential. The caller binds it to one domain and its user store.
 * It may block (JDBC, Redis), which is why mechanism steps run off the IO threads.
 */
@FunctionalInterface
public interface CredentialLookup {

    /**
     * The credential of {@code localpart} (already normalized) for {@code mechanism}
     * ({@code SCRAM-SHA-1} or {@code SCRAM-SHA-256}), or empty when the user or credential is absent.
     */
    Optional<ScramCredential> find(String localpart, String mechanism);
}
