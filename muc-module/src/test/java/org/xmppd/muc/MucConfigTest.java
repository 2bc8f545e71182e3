package org.xmppd.muc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xmppd.server.config.ModuleOptions;

/** {@code module_options.muc}: the documented defaults bind, bad values name their key. */
class MucConfigTest {
    @Test
    void theDocumentedValuesAreTheDefaults() {
        Map<String, Object> documented = new LinkedHashMap<>();
        documented.put("subdomain", "conference");
        documented.put("name", "Chatrooms");
        documented.put("room_creation", true);
        documented.put("max_rooms", 10000);
        documented.put("max_rooms_per_user", 100);
        documented.put("max_occupants", 1000);
        documented.put("history_length", 20);
        documented.put("max_history", 200);
        documented.put("persistent", false);
        documented.put("archive_by_default", true);
        assertEquals(MucConfig.defaults(), ModuleOptions.bind("muc", documented, MucConfig.class));
        assertEquals(MucConfig.defaults(), ModuleOptions.bind("muc", Map.of(), MucConfig.class));
        assertEquals("rooms", ModuleOptions.bind("muc", Map.of("subdomain", "rooms"), MucConfig.class).subdomain());
    }

    @Test
    void badValuesNameTheirKey() {
        assertEquals("module_options.muc: subdomain: must be one DNS label of a-z, 0-9 and '-' (was chat.rooms)",
                message(Map.of("subdomain", "chat.rooms")));
        assertEquals("module_options.muc: history_length: must be 0..200 (was 500)",
                message(Map.of("history_length", 500)));
        assertEquals("module_options.muc: max_rooms_per_user: must be at least 1 (was 0)",
                message(Map.of("max_rooms_per_user", 0)));
    }

    private static String message(Map<String, Object> options) {
        return assertThrows(IllegalArgumentException.class,
                () -> ModuleOptions.bind("muc", options, MucConfig.class)).getMessage();
    }
}
