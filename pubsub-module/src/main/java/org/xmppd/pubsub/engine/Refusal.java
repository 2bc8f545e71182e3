package org.xmppd.pubsub.engine;

/** Ends an engine operation with a {@link PubSubError}; never leaves the engine. */
final class Refusal extends Exception {
    private final PubSubError error;

    Refusal(PubSubError error, String text) {
        super(text, null, false, false);
        this.error = error;
    }

    <T> Result<T> result() {
        return new Result.Failed<>(error, getMessage());
    }
}
