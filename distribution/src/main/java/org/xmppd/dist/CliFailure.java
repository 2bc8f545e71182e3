package org.xmppd.dist;

/**
 * An expected failure of a command (bad config, unknown user, database in use): reported as one
 * line on stderr, never with a stack trace.
 */
final class CliFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** Exit status for a failed command; usage errors get picocli's 2. */
    static final int EXIT_FAILURE = 1;

    CliFailure(String message) {
        super(message);
    }

    CliFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
