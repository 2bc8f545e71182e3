package org.xmppd.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xmppd.pubsub.pep.PepConfig;
import org.xmppd.server.config.ModuleOptions;

/** {@code module_options.pubsub} and {@code module_options.pep}: the documented defaults bind, bad values name their key. */
class ConfigTest {
    @Test
    void theDocumentedPubSubValuesAreTheDefaults() {
        Map<String, Object> documented = new LinkedHashMap<>();
        documented.put("subdomain", "pubsub");
        documented.put("name", "Publish-Subscribe");
        documented.put("node_creation", true);
        documented.put("max_items", 10);
        documented.put("max_items_limit", 1000);
        documented.put("cache_size", 10000);
        assertEquals(PubSubConfig.defaults(), ModuleOptions.bind("pubsub", documented, PubSubConfig.class));
        assertEquals(PubSubConfig.defaults(), ModuleOptions.bind("pubsub", Map.of(), PubSubConfig.class));
        assertEquals("events", ModuleOptions.bind("pubsub", Map.of("subdomain", "events"), PubSubConfig.class)
                .subdomain());
    }

    @Test
    void theDocumentedPepValuesAreTheDefaults() {
        Map<String, Object> documented = Map.of("max_items_limit", 1000, "cache_size", 10000, "caps_cache_size", 10000,
                "max_nodes_per_account", 200);
        assertEquals(PepConfig.defaults(), ModuleOptions.bind("pep", documented, PepConfig.class));
        assertEquals(PepConfig.defaults(), ModuleOptions.bind("pep", Map.of(), PepConfig.class));
    }

    @Test
    void badValuesNameTheirKey() {
        String tooMany = assertThrows(IllegalArgumentException.class, () -> ModuleOptions.bind("pubsub",
                Map.of("max_items", 5000), PubSubConfig.class)).getMessage();
        assertTrue(tooMany.contains("module_options.pubsub") && tooMany.contains("max_items"), tooMany);
        String label = assertThrows(IllegalArgumentException.class, () -> ModuleOptions.bind("pubsub",
                Map.of("subdomain", "a.b"), PubSubConfig.class)).getMessage();
        assertTrue(label.contains("subdomain"), label);
        String unknown = assertThrows(IllegalArgumentException.class, () -> ModuleOptions.bind("pep",
                Map.of("cache", 1), PepConfig.class)).getMessage();
        assertTrue(unknown.contains("cache"), unknown);
        String zero = assertThrows(IllegalArgumentException.class, () -> ModuleOptions.bind("pep",
                Map.of("caps_cache_size", 0), PepConfig.class)).getMessage();
        assertTrue(zero.contains("caps_cache_size"), zero);
        String noNodes = assertThrows(IllegalArgumentException.class, () -> ModuleOptions.bind("pep",
                Map.of("max_nodes_per_account", 0), PepConfig.class)).getMessage();
        assertTrue(noNodes.contains("max_nodes_per_account"), noNodes);
    }
}
