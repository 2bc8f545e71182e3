package org.xmppd.storage;

/**
 * Shared checks for the config records. Jackson leaves absent keys null or 0, so "absent" maps
 * to the default here; anything else invalid fails with a message naming the YAML key.
 */
final class ConfigChecks {
    private ConfigChecks() {
    }

    static String textOrDefault(String value, String fallback, String key) {
        if (value == null) {
            return fallback;
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(key + " must not be blank");
        }
        return value;
    }

    static int positiveOrDefault(int value, int fallback, String key) {
        if (value < 0) {
            throw new IllegalArgumentException(key + " must be positive, was " + value);
        }
        return value == 0 ? fallback : value;
    }

    static long atLeastOrDefault(long value, long minimum, long fallback, String key) {
        if (value == 0) {
            return fallback;
        }
        if (value < minimum) {
            throw new IllegalArgumentException(key + " must be at least " + minimum + ", was " + value);
        }
        return value;
    }
}
