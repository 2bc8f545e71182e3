package org.xmppd.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads {@code conf/xmppd.yml} into a {@link ServerConfig}.
 *
 * <p>Keys are snake_case. A key that is absent, or present with no value, takes its default: the
 * file is parsed into a tree, laid over the tree of {@link ServerConfig#defaults()} and only then
 * bound, so even numeric and boolean keys (which Java records cannot leave "unset") get their
 * real default rather than zero. Unknown keys, duplicate keys and mistyped values fail with a
 * {@link ConfigException} naming the key path.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /** Reads and validates {@code file}; the message of any failure starts with the file name. */
    public static ServerConfig load(Path file) throws ConfigException {
        String source = file.toString();
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(source + ": no such file", e);
        } catch (IOException e) {
            throw new ConfigException(source + ": cannot read: " + e.getMessage(), e);
        }
        return parse(yaml, source);
    }

    /** Validates {@code yaml}; {@code sourceName} (usually the file name) starts every message. */
    public static ServerConfig parse(String yaml, String sourceName) throws ConfigException {
        ObjectMapper mapper = newMapper();
        JsonNode tree = readTree(mapper, yaml, sourceName);
        ObjectNode merged = mapper.valueToTree(ServerConfig.defaults());
        overlay(merged, (ObjectNode) tree);
        try {
            return mapper.treeToValue(merged, ServerConfig.class);
        } catch (JsonMappingException e) {
            throw new ConfigException(sourceName + ": " + MappingProblems.describe(e), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(sourceName + ": " + firstLine(e.getOriginalMessage()), e);
        }
    }

    /**
     * The install directory for a config file: the parent of the directory holding it, so that
     * {@code <install>/conf/xmppd.yml} gives {@code <install>}. A file directly in the file system
     * root (or a bare file name without directory) uses its own directory instead.
     */
    public static Path installDirOf(Path configFile) {
        Path confDir = configFile.toAbsolutePath().normalize().getParent();
        Path install = confDir.getParent();
        return install == null ? confDir : install;
    }

    static ObjectMapper newMapper() {
        return YAMLMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // "hosts: example.org" means a list of one; YAML users write it that way.
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    private static JsonNode readTree(ObjectMapper mapper, String yaml, String sourceName)
            throws ConfigException {
        JsonNode tree;
        try {
            tree = mapper.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new ConfigException(syntaxProblem(sourceName, e), e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return mapper.createObjectNode();
        }
        if (!tree.isObject()) {
            throw new ConfigException(sourceName + ": the top level must be a mapping of keys"
                    + " such as 'hosts:' (was " + tree.getNodeType().toString().toLowerCase(Locale.ROOT) + ")");
        }
        return tree;
    }

    /**
     * Lays {@code user} over {@code base}: mappings merge key by key, everything else (lists,
     * scalars) replaces, and an empty value keeps the default.
     */
    static void overlay(ObjectNode base, ObjectNode user) {
        Iterator<Map.Entry<String, JsonNode>> fields = user.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            JsonNode current = base.get(field.getKey());
            if (value.isNull()) {
                continue;
            }
            if (value.isObject() && current != null && current.isObject()) {
                overlay((ObjectNode) current, (ObjectNode) value);
            } else {
                base.set(field.getKey(), value);
            }
        }
    }

    /**
     * SnakeYAML's messages span several lines (context, snippet, problem); the one line kept is
     * the problem at its line, and the construct it interrupted.
     */
    private static String syntaxProblem(String sourceName, JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblem() != null
                && yaml.getProblemMark() != null) {
            String message = sourceName + ":" + (yaml.getProblemMark().getLine() + 1) + ": "
                    + yaml.getProblem();
            if (yaml.getContext() != null && yaml.getContextMark() != null) {
                message += " (" + yaml.getContext() + " started at line "
                        + (yaml.getContextMark().getLine() + 1) + ")";
            }
            return message;
        }
        return where(sourceName, e.getLocation()) + ": " + firstLine(e.getOriginalMessage());
    }

    private static String where(String sourceName, JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return sourceName;
        }
        return sourceName + ":" + location.getLineNr();
    }

    static String firstLine(String message) {
        if (message == null) {
            return "invalid configuration";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
