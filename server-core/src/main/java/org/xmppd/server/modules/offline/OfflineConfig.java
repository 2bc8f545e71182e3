package org.xmppd.server.modules.offline;

/**
 * Settings of the offline module, {@code module_options.offline}.
 *
 * @param maxMessagesPerUser messages kept per account; past it senders get
 *                           {@code service-unavailable} (XEP-0160 §3). At least 1
 */
public record OfflineConfig(int maxMessagesPerUser) {
    public static final int DEFAULT_MAX_MESSAGES_PER_USER = 1000;

    public OfflineConfig {
        if (maxMessagesPerUser < 1) {
            throw new IllegalArgumentException("max_messages_per_user: must be at least 1 (was "
                    + maxMessagesPerUser + ")");
        }
    }

    public static OfflineConfig defaults() {
        return new OfflineConfig(DEFAULT_MAX_MESSAGES_PER_USER);
    }
}
