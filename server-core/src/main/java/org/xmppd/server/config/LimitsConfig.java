package org.xmppd.server.config;

/**
 * Resource limits and timeouts, YAML section {@code limits}.
 *
 * @param maxStanzaBytes          largest stanza accepted, in bytes; larger gets the
 *                                {@code policy-violation} stream error (RFC 6120 §4.9.3.14). At
 *                                least 10000, the minimum RFC 6120 §13.12 lets a server impose
 * @param maxDepth                deepest element nesting accepted inside a stanza
 * @param idleTimeoutSeconds      a silent stream is pinged (XEP-0199) after half of this and
 *                                closed after all of it (the Openfire policy)
 * @param pingTimeoutSeconds      how long a server ping may go unanswered before the stream closes
 * @param authFailuresBeforeDelay failed SASL attempts on one stream before replies are delayed
 * @param authDelayMaxSeconds     cap of the delay, which doubles with each further failure
 * @param scramIterations         PBKDF2 iterations for new SCRAM credentials (RFC 5802 §5.1,
 *                                RFC 7677 §4: at least 4096)
 * @param handshakeTimeoutSeconds time a new connection has to finish TLS, SASL and resource
 *                                binding before it is closed
 */
public record LimitsConfig(int maxStanzaBytes, int maxDepth, int idleTimeoutSeconds,
        int pingTimeoutSeconds, int authFailuresBeforeDelay, int authDelayMaxSeconds,
        int scramIterations, int handshakeTimeoutSeconds) {

    /** Prosody's and ejabberd's c2s default. */
    public static final int DEFAULT_MAX_STANZA_BYTES = 262_144;
    /** Far deeper than any real stanza, low enough to stop nesting bombs. */
    public static final int DEFAULT_MAX_DEPTH = 64;
    /** Five minutes, like most servers. */
    public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 300;
    /** One minute for a ping reply. */
    public static final int DEFAULT_PING_TIMEOUT_SECONDS = 60;
    /** A few typos are forgiven at full speed. */
    public static final int DEFAULT_AUTH_FAILURES_BEFORE_DELAY = 3;
    /** Thirty seconds per attempt stops online guessing. */
    public static final int DEFAULT_AUTH_DELAY_MAX_SECONDS = 30;
    /** The RFC 7677 §4 minimum, cheap enough for small devices. */
    public static final int DEFAULT_SCRAM_ITERATIONS = 4096;
    /** One minute to connect, encrypt, authenticate and bind. */
    public static final int DEFAULT_HANDSHAKE_TIMEOUT_SECONDS = 60;

    private static final int MIN_STANZA_BYTES = 10_000;
    private static final int MIN_DEPTH = 8;
    // Two seconds is absurd in production but lets tests exercise the ping-then-close policy.
    private static final int MIN_IDLE_SECONDS = 2;

    /** Validates every limit; the message names the key relative to {@code limits}. */
    public LimitsConfig {
        atLeast("max_stanza_bytes", maxStanzaBytes, MIN_STANZA_BYTES);
        atLeast("max_depth", maxDepth, MIN_DEPTH);
        atLeast("idle_timeout_seconds", idleTimeoutSeconds, MIN_IDLE_SECONDS);
        atLeast("ping_timeout_seconds", pingTimeoutSeconds, 1);
        atLeast("auth_failures_before_delay", authFailuresBeforeDelay, 0);
        atLeast("auth_delay_max_seconds", authDelayMaxSeconds, 0);
        atLeast("scram_iterations", scramIterations, DEFAULT_SCRAM_ITERATIONS);
        atLeast("handshake_timeout_seconds", handshakeTimeoutSeconds, 1);
    }

    /** Every limit at its default. */
    public static LimitsConfig defaults() {
        return new LimitsConfig(DEFAULT_MAX_STANZA_BYTES, DEFAULT_MAX_DEPTH,
                DEFAULT_IDLE_TIMEOUT_SECONDS, DEFAULT_PING_TIMEOUT_SECONDS,
                DEFAULT_AUTH_FAILURES_BEFORE_DELAY, DEFAULT_AUTH_DELAY_MAX_SECONDS,
                DEFAULT_SCRAM_ITERATIONS, DEFAULT_HANDSHAKE_TIMEOUT_SECONDS);
    }

    private static void atLeast(String key, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(
                    key + ": must be at least " + minimum + " (was " + value + ")");
        }
    }
}
