package org.xmppd.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xmppd.server.module.ModuleHost;
import org.xmppd.server.modules.offline.OfflineConfig;

/** {@code module_options}: each module's section binds to its record with the file's rules. */
class ModuleOptionsTest {
    private static ServerConfig parse(String yaml) throws ConfigException {
        return ConfigLoader.parse(yaml, "test.yml");
    }

    @Test
    void absentKeysTakeTheRecordsDefaults() throws Exception {
        ServerConfig config = parse("module_options: {offline: {}}\n");
        assertEquals(OfflineConfig.defaults(),
                ModuleOptions.bind("offline", config.optionsOf("offline"), OfflineConfig.class));
        assertEquals(OfflineConfig.defaults(), ModuleOptions.bind("offline", Map.of(), OfflineConfig.class));
    }

    @Test
    void writtenKeysAreBound() throws Exception {
        ServerConfig config = parse("module_options:\n  offline:\n    max_messages_per_user: 5\n");
        assertEquals(new OfflineConfig(5),
                ModuleOptions.bind("offline", config.optionsOf("offline"), OfflineConfig.class));
    }

    @Test
    void badKeysAndValuesAreNamed() throws Exception {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> ModuleOptions.bind(
                "offline", Map.of("max_messagez", 5), OfflineConfig.class));
        assertEquals("module_options.offline: unknown key 'max_messagez'", unknown.getMessage());
        IllegalArgumentException low = assertThrows(IllegalArgumentException.class, () -> ModuleOptions.bind(
                "offline", Map.of("max_messages_per_user", 0), OfflineConfig.class));
        assertEquals("module_options.offline: max_messages_per_user: must be at least 1 (was 0)", low.getMessage());
    }

    @Test
    void validationAtCheckTimeBindsEveryEnabledModule() throws Exception {
        ServerConfig config = parse("module_options:\n  offline:\n    max_messages_per_user: -1\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModuleHost.validate(config, ModuleHost.available(getClass().getClassLoader())));
        assertEquals("module_options.offline: max_messages_per_user: must be at least 1 (was -1)", e.getMessage());
        // muc-module is not on server-core's class path: the core modules' defaults bind.
        ModuleHost.validate(ServerConfig.defaults().withModules(ServerConfig.CORE_MODULES),
                ModuleHost.available(getClass().getClassLoader()));
    }

    @Test
    void optionsForAModuleNotLoadedAreRefused() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> parse("modules: [disco]\nmodule_options: {offline: {max_messages_per_user: 3}}\n"));
        assertEquals("test.yml: module_options.offline: module 'offline' is not in 'modules'", e.getMessage());
        assertEquals(List.of("disco"), ServerConfig.defaults().withModules(List.of("disco")).modules());
    }
}
