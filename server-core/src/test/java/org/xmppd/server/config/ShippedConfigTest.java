package org.xmppd.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The file users get, {@code conf/xmppd.yml}, must bind and spell out every key. */
class ShippedConfigTest {
    /** Tests run in the module directory; the shipped file sits at the top of the project. */
    private static final Path SHIPPED = Path.of("..", "conf", "xmppd.yml");

    /** Ignored by the direct TLS listener, so the shipped file leaves it out rather than confuse. */
    private static final String IGNORED_KEY = "listeners.c2s_direct_tls.starttls_required";

    @Test
    void shippedFileHoldsTheIntendedValues() throws Exception {
        ServerConfig shipped = ConfigLoader.load(SHIPPED);
        // The shipped file documents the defaults, so the two must agree value for value.
        assertEquals(ServerConfig.defaults(), shipped);
        assertEquals("localhost", shipped.hosts().get(0));
        assertEquals(5222, shipped.listeners().c2s().port());
        assertEquals(5223, shipped.listeners().c2sDirectTls().port());
        assertEquals("h2", shipped.storage().defaultBackend());
        assertEquals(false, shipped.registration().enabled());
        assertEquals(null, shipped.tls().certificate());
    }

    @Test
    void shippedFileListsEveryKey() throws Exception {
        ObjectMapper mapper = YAMLMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
        Set<String> expected = keys(mapper.valueToTree(ServerConfig.defaults()), "");
        expected.remove(IGNORED_KEY);
        Set<String> written = keys(mapper.readTree(Files.readString(SHIPPED)), "");
        assertEquals(expected, written);
    }

    private static Set<String> keys(JsonNode node, String prefix) {
        Set<String> keys = new TreeSet<>();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            String key = prefix.isEmpty() ? name : prefix + "." + name;
            JsonNode child = node.get(name);
            // stores is a free-form map, empty by default.
            if (child.isObject() && !name.equals("stores")) {
                keys.addAll(keys(child, key));
            } else {
                keys.add(key);
            }
        }
        return keys;
    }
}
