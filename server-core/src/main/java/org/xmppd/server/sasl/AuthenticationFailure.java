package org.xmppd.server.sasl;

/** Raised inside a mechanism to end the exchange with a {@link Step.Failure}. */
final class AuthenticationFailure extends Exception {

    private final SaslFailure condition;

    AuthenticationFailure(SaslFailure condition, String text) {
        super(text, null, false, false);
        this.condition = condition;
    }

    Step.Failure toStep() {
        return new Step.Failure(condition, getMessage());
    }
}
