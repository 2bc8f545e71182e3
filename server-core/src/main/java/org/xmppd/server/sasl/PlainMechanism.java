package org.xmppd.server.sasl;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppd.storage.ScramCredential;

/**
 * PLAIN (RFC 4616): {@code [authzid] NUL authcid NUL passwd}, checked against the stored SCRAM
 * credential by deriving StoredKey from the password with the stored salt and iteration count.
 * The password travels in the clear inside the stream, so the caller offers PLAIN only over TLS.
 */
final class PlainMechanism implements SaslMechanism {

    static final String NAME = "PLAIN";

    private static final Logger LOG = LoggerFactory.getLogger(PlainMechanism.class);

    /** Strongest first: a user created with both keeps being checked against SHA-256. */
    private static final List<ScramAlgorithm> PREFERENCE = List.of(ScramAlgorithm.SHA_256, ScramAlgorithm.SHA_1);

    private final SaslContext context;
    private final FakeCredentials fakes;
    private boolean started;
    private boolean done;

    PlainMechanism(SaslContext context, FakeCredentials fakes) {
        this.context = Objects.requireNonNull(context, "context");
        this.fakes = Objects.requireNonNull(fakes, "fakes");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Step start(byte[] initialResponseOrNull) {
        if (started) {
            return finish(new Step.Failure(SaslFailure.MALFORMED_REQUEST, "Exchange already started"));
        }
        started = true;
        return initialResponseOrNull == null ? new Step.Challenge(new byte[0]) : respond(initialResponseOrNull);
    }

    @Override
    public Step respond(byte[] response) {
        if (!started || done) {
            return finish(new Step.Failure(SaslFailure.MALFORMED_REQUEST, "Unexpected response"));
        }
        try {
            return finish(authenticate(ScramMessages.utf8(response)));
        } catch (AuthenticationFailure failure) {
            return finish(failure.toStep());
        }
    }

    private Step authenticate(String message) throws AuthenticationFailure {
        String[] parts = message.split("\0", -1);
        if (parts.length != 3 || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new AuthenticationFailure(SaslFailure.MALFORMED_REQUEST, "Expected [authzid] NUL authcid NUL passwd");
        }
        String localpart = Identities.localpart(parts[1]);
        Identities.checkAuthzid(parts[0].isEmpty() ? null : parts[0], localpart, context.domain());
        Optional<ScramCredential> stored = lookup(localpart);
        // An unknown user still costs one key derivation, so timing does not reveal the account.
        ScramCredential credential = stored.orElseGet(() -> fakes.forUser(ScramAlgorithm.SHA_256, localpart));
        boolean matches = ScramCredentials.verify(credential, parts[2]);
        if (!matches || stored.isEmpty()) {
            throw new AuthenticationFailure(SaslFailure.NOT_AUTHORIZED, "Authentication failed");
        }
        return new Step.Success(null, localpart);
    }

    private Optional<ScramCredential> lookup(String localpart) throws AuthenticationFailure {
        try {
            for (ScramAlgorithm algorithm : PREFERENCE) {
                Optional<ScramCredential> found = context.credentials().find(localpart, algorithm.mechanism())
                        .filter(c -> c.mechanism().equals(algorithm.mechanism()));
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.warn("Credential lookup for {} failed", localpart, e);
            throw new AuthenticationFailure(SaslFailure.TEMPORARY_AUTH_FAILURE, "Credential store unavailable");
        }
    }

    private Step finish(Step step) {
        done = true;
        return step;
    }
}
