package org.xmppd.server.modules.mam;

/**
 * Settings of the mam module, {@code module_options.mam}.
 *
 * @param defaultPolicy       what is archived for users who set no preferences: {@code always},
 *                            {@code roster} (only messages with roster contacts) or {@code never}
 * @param maxAgeDays          messages older than this many days are removed; 0 keeps them forever
 * @param maxMessagesPerArchive  each archive (account or room) keeps at most this many of its newest messages; 0 for no limit
 * @param defaultPageSize     messages per page when a query names no {@code max}
 * @param maxPageSize         the largest page served, whatever the query asks
 * @param retentionIntervalMinutes how often retention runs (in the background, in small steps)
 */
public record MamConfig(String defaultPolicy, int maxAgeDays, int maxMessagesPerArchive, int defaultPageSize,
        int maxPageSize, int retentionIntervalMinutes) {
    public MamConfig {
        if (defaultPolicy == null || !ArchivePrefs.POLICIES.contains(defaultPolicy)) {
            throw new IllegalArgumentException("default_policy: must be always, roster or never (was "
                    + defaultPolicy + ")");
        }
        atLeast("max_age_days", maxAgeDays, 0);
        atLeast("max_messages_per_archive", maxMessagesPerArchive, 0);
        atLeast("default_page_size", defaultPageSize, 1);
        atLeast("max_page_size", maxPageSize, defaultPageSize);
        atLeast("retention_interval_minutes", retentionIntervalMinutes, 1);
    }

    public static MamConfig defaults() {
        return new MamConfig("always", 0, 0, 50, 250, 60);
    }

    private static void atLeast(String key, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(key + ": must be at least " + minimum + " (was " + value + ")");
        }
    }
}
