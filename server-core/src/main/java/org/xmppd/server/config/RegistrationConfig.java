package org.xmppd.server.config;

/**
 * In-band registration (XEP-0077) policy, YAML section {@code registration}. Password change and
 * account removal by a logged-in user are always allowed; this section governs only the creation
 * of accounts by clients that have not logged in.
 *
 * @param enabled               whether clients may create accounts themselves; off by default
 *                              because an open server attracts spam accounts
 * @param maxAccountsPerAddress accounts one remote IP address may create within
 *                              {@code windowSeconds}; at least 1
 * @param windowSeconds         the sliding window of that limit, in seconds; at least 1
 */
public record RegistrationConfig(boolean enabled, int maxAccountsPerAddress, int windowSeconds) {
    /** A household behind one NAT can still sign up a few people. */
    public static final int DEFAULT_MAX_ACCOUNTS_PER_ADDRESS = 3;
    /** Ten minutes, as ejabberd's {@code registration_timeout}: slow enough to make bulk sign-ups dull. */
    public static final int DEFAULT_WINDOW_SECONDS = 600;

    /** Validates the limits; the message names the key relative to {@code registration}. */
    public RegistrationConfig {
        atLeastOne("max_accounts_per_address", maxAccountsPerAddress);
        atLeastOne("window_seconds", windowSeconds);
    }

    /** Registration off, with the default rate limit ready for when it is switched on. */
    public static RegistrationConfig defaults() {
        return new RegistrationConfig(false, DEFAULT_MAX_ACCOUNTS_PER_ADDRESS, DEFAULT_WINDOW_SECONDS);
    }

    /** This policy switched on or off. */
    public RegistrationConfig withEnabled(boolean on) {
        return new RegistrationConfig(on, maxAccountsPerAddress, windowSeconds);
    }

    /** This policy with another rate limit. */
    public RegistrationConfig withRateLimit(int maxAccounts, int window) {
        return new RegistrationConfig(enabled, maxAccounts, window);
    }

    private static void atLeastOne(String key, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(key + ": must be at least 1 (was " + value + ")");
        }
    }
}
