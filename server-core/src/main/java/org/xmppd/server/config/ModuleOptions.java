package org.xmppd.server.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;

/**
 * Binds a module's {@code module_options.<module>} section to the module's own immutable
 * settings record, the way the rest of the file is bound: snake_case keys, unknown keys refused,
 * absent keys taken from the record's static {@code defaults()} when it has one.
 */
public final class ModuleOptions {
    private ModuleOptions() {
    }

    /**
     * The settings of {@code module} as a {@code type}.
     *
     * @throws IllegalArgumentException naming the key path, e.g. {@code module_options.offline: unknown key 'limit'}
     */
    public static <T> T bind(String module, Map<String, Object> options, Class<T> type) {
        ObjectMapper mapper = ConfigLoader.newMapper();
        ObjectNode tree = defaultsOf(type, mapper);
        ConfigLoader.overlay(tree, mapper.valueToTree(options));
        String section = "module_options." + module;
        try {
            return mapper.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException(section + ": " + MappingProblems.describe(e), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(section + ": " + ConfigLoader.firstLine(e.getOriginalMessage()), e);
        }
    }

    private static ObjectNode defaultsOf(Class<?> type, ObjectMapper mapper) {
        try {
            Method defaults = type.getMethod("defaults");
            if (Modifier.isStatic(defaults.getModifiers()) && type.isAssignableFrom(defaults.getReturnType())) {
                return mapper.valueToTree(defaults.invoke(null));
            }
        } catch (NoSuchMethodException e) {
            // No defaults(): absent keys are left to the record's constructor.
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(type.getName() + ".defaults() failed", e);
        }
        return mapper.createObjectNode();
    }
}
