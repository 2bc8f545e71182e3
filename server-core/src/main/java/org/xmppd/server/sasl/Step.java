package org.xmppd.server.sasl;

import java.util.Arrays;
import java.util.Objects;

/**
 * The outcome of one SASL step (RFC 6120 §6.4): send a challenge, report success, or report failure.
 * Byte arrays are copied on the way in and out, so a step is immutable.
 */
public sealed interface Step permits Step.Challenge, Step.Success, Step.Failure {

    /** More data for the client, sent as {@code <challenge/>} (RFC 6120 §6.4.3). */
    record Challenge(byte[] data) implements Step {
        public Challenge {
            data = Objects.requireNonNull(data, "data").clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Challenge other && Arrays.equals(data, other.data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Challenge[" + data.length + " bytes]";
        }
    }

    /**
     * Authentication succeeded (RFC 6120 §6.4.6); {@code additionalDataOrNull} goes into
     * {@code <success/>} (SCRAM's server-final-message, RFC 6120 §6.3.10).
     */
    record Success(byte[] additionalDataOrNull, String authenticatedLocalpart) implements Step {
        public Success {
            additionalDataOrNull = additionalDataOrNull == null ? null : additionalDataOrNull.clone();
            Objects.requireNonNull(authenticatedLocalpart, "authenticatedLocalpart");
        }

        @Override
        public byte[] additionalDataOrNull() {
            return additionalDataOrNull == null ? null : additionalDataOrNull.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Success other
                    && Arrays.equals(additionalDataOrNull, other.additionalDataOrNull)
                    && authenticatedLocalpart.equals(other.authenticatedLocalpart);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(additionalDataOrNull) + authenticatedLocalpart.hashCode();
        }

        @Override
        public String toString() {
            return "Success[" + authenticatedLocalpart + "]";
        }
    }

    /** Authentication failed (RFC 6120 §6.4.5); {@code text} is a human-readable explanation. */
    record Failure(SaslFailure condition, String text) implements Step {
        public Failure {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(text, "text");
        }
    }
}
