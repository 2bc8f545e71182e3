package org.xmppd.sint;

import java.util.Objects;

/**
 * The result of one concrete SINT test.
 *
 * @param key           {@code TestClass.method}, plus {@code [connection]} for a low-level test
 *                      run per connection type
 * @param specification what the test class checks (its {@code @SpecificationReference}), or
 *                      {@link #NO_SPECIFICATION}
 * @param status        how it ended
 * @param detail        why it failed (the first time, for a retried test) or was not possible;
 *                      empty when it passed
 */
record TestOutcome(String key, String specification, Status status, String detail) {
    static final String NO_SPECIFICATION = "(Smack, no specification)";

    /** How a test ended. */
    enum Status {
        PASSED,
        /** Failed, then passed when run again: a race listed in {@code known-races.txt}. */
        PASSED_ON_RETRY,
        FAILED,
        /** SINT found the test impossible here (a feature the server does not announce). */
        SKIPPED
    }

    TestOutcome {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(specification, "specification");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
    }

    /** {@code TestClass.method} without the connection suffix. */
    String method() {
        int bracket = key.indexOf('[');
        return bracket < 0 ? key : key.substring(0, bracket);
    }
}
