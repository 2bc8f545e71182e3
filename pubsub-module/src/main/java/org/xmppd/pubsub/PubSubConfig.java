package org.xmppd.pubsub;

/**
 * Settings of the pubsub module, {@code module_options.pubsub}.
 *
 * @param subdomain     the service lives at {@code <subdomain>.<host>} for each host; default {@code pubsub}
 * @param name          the service's name in disco; default {@code Publish-Subscribe}
 * @param nodeCreation  whether local users may create nodes (XEP-0060 §8.1); default true
 * @param maxItems      the {@code pubsub#max_items} of new nodes; 1..max_items_limit, default 10
 * @param maxItemsLimit the most items a node may keep ({@code max}); at least 1, default 1000
 * @param cacheSize     nodes kept in memory (configuration, affiliations, subscriptions); at least 1,
 *                      default 10000
 */
public record PubSubConfig(String subdomain, String name, boolean nodeCreation, int maxItems, int maxItemsLimit,
        int cacheSize) {
    public PubSubConfig {
        if (subdomain == null || !subdomain.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?")) {
            throw new IllegalArgumentException("subdomain: must be one DNS label of a-z, 0-9 and '-' (was "
                    + subdomain + ")");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: must not be empty");
        }
        if (maxItemsLimit < 1) {
            throw new IllegalArgumentException("max_items_limit: must be at least 1 (was " + maxItemsLimit + ")");
        }
        if (maxItems < 1 || maxItems > maxItemsLimit) {
            throw new IllegalArgumentException("max_items: must be 1.." + maxItemsLimit + " (was " + maxItems + ")");
        }
        if (cacheSize < 1) {
            throw new IllegalArgumentException("cache_size: must be at least 1 (was " + cacheSize + ")");
        }
    }

    public static PubSubConfig defaults() {
        return new PubSubConfig("pubsub", "Publish-Subscribe", true, 10, 1000, 10_000);
    }
}
