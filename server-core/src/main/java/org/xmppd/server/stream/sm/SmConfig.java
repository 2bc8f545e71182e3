package org.xmppd.server.stream.sm;

/**
 * Settings of stream management, {@code module_options.sm}.
 *
 * @param resumeTimeoutSeconds how long a session whose connection dropped stays hibernated,
 *                             waiting for {@code <resume/>} (XEP-0198 §5); the {@code max} the
 *                             server announces. 0 turns resumption off. At most one day
 * @param maxUnackedStanzas    stanzas a client may leave unacknowledged; past it the stream ends
 *                             with {@code resource-constraint} and the stanzas are handled as
 *                             undelivered. At least 10
 * @param durableDelivery      whether messages to sessions with stream management are written
 *                             to storage before they are sent, so a crash cannot lose them
 */
public record SmConfig(int resumeTimeoutSeconds, int maxUnackedStanzas, boolean durableDelivery) {
    public static final int DEFAULT_RESUME_TIMEOUT_SECONDS = 300;
    public static final int DEFAULT_MAX_UNACKED_STANZAS = 10_000;
    private static final int ONE_DAY = 86_400;

    public SmConfig {
        if (resumeTimeoutSeconds < 0 || resumeTimeoutSeconds > ONE_DAY) {
            throw new IllegalArgumentException("resume_timeout_seconds: must be between 0 and " + ONE_DAY
                    + " (was " + resumeTimeoutSeconds + ")");
        }
        if (maxUnackedStanzas < 10) {
            throw new IllegalArgumentException("max_unacked_stanzas: must be at least 10 (was "
                    + maxUnackedStanzas + ")");
        }
    }

    public static SmConfig defaults() {
        return new SmConfig(DEFAULT_RESUME_TIMEOUT_SECONDS, DEFAULT_MAX_UNACKED_STANZAS, true);
    }

    /** Whether sessions may be resumed at all. */
    public boolean resumable() {
        return resumeTimeoutSeconds > 0;
    }
}
