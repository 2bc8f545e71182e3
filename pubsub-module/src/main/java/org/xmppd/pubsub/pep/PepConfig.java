package org.xmppd.pubsub.pep;

/**
 * Settings of the pep module, {@code module_options.pep}.
 *
 * @param maxItemsLimit  the most items a PEP node may keep ({@code pubsub#max_items} {@code max},
 *                       bookmarks use it); at least 1, default 1000
 * @param cacheSize      PEP nodes kept in memory (configuration, affiliations, subscriptions); at
 *                       least 1, default 10000
 * @param capsCacheSize  client capabilities (XEP-0115 verification strings) remembered; at least 1,
 *                       default 10000
 * @param maxNodesPerAccount the most PEP nodes one account may have (creating more is refused with
 *                       not-allowed and max-nodes-exceeded); at least 1, default 200
 */
public record PepConfig(int maxItemsLimit, int cacheSize, int capsCacheSize, int maxNodesPerAccount) {
    public PepConfig {
        atLeastOne("max_items_limit", maxItemsLimit);
        atLeastOne("cache_size", cacheSize);
        atLeastOne("caps_cache_size", capsCacheSize);
        atLeastOne("max_nodes_per_account", maxNodesPerAccount);
    }

    public static PepConfig defaults() {
        return new PepConfig(1000, 10_000, 10_000, 200);
    }

    private static void atLeastOne(String key, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(key + ": must be at least 1 (was " + value + ")");
        }
    }
}
