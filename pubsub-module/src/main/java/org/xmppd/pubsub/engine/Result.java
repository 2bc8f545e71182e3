package org.xmppd.pubsub.engine;

import java.util.List;
import java.util.Objects;

/**
 * What an engine operation produced: a value with the notifications the protocol layer must send,
 * or the reason the operation was refused.
 */
public sealed interface Result<T> {
    /** Done: {@code value} and the notifications to send, in order. */
    record Ok<T>(T value, List<Notification> notifications) implements Result<T> {
        public Ok {
            notifications = List.copyOf(notifications);
        }
    }

    /** Refused, nothing changed. {@code text} explains it to people, or is null. */
    record Failed<T>(PubSubError error, String text) implements Result<T> {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }

    static <T> Result<T> ok(T value) {
        return new Ok<>(value, List.of());
    }

    static <T> Result<T> ok(T value, List<Notification> notifications) {
        return new Ok<>(value, notifications);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The value; {@link IllegalStateException} naming the error when refused. */
    default T value() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        Failed<T> failed = (Failed<T>) this;
        throw new IllegalStateException("refused: " + failed.error() + " (" + failed.text() + ")");
    }

    /** The notifications to send; empty when refused. */
    default List<Notification> notifications() {
        return this instanceof Ok<T> ok ? ok.notifications() : List.of();
    }

    /** The refusal, or null when done. */
    default PubSubError error() {
        return this instanceof Failed<T> failed ? failed.error() : null;
    }
}
