package org.xmppd.server.config;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * Turns Jackson's binding exceptions into one line an admin can act on: the key path as written
 * in the YAML file, then what is wrong with it. Jackson's own messages name Java types and
 * classes, which mean nothing to someone editing {@code xmppd.yml}.
 */
final class MappingProblems {
    private MappingProblems() {
    }

    /** {@code "unknown key 'limits.max_stanza_bytez'"}, {@code "listeners.c2s.port: ..."}. */
    static String describe(JsonMappingException e) {
        String path = path(e.getPath());
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown key '" + path + "'";
        }
        if (e instanceof ValueInstantiationException) {
            return withPath(path, validationMessage(e));
        }
        if (e instanceof InvalidFormatException format) {
            return withPath(path, "expected " + expected(format.getTargetType())
                    + " (was '" + format.getValue() + "')");
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return withPath(path, "expected " + expected(mismatch.getTargetType()));
        }
        return withPath(path, ConfigLoader.firstLine(e.getOriginalMessage()));
    }

    /**
     * A compact constructor's {@link IllegalArgumentException} names the key relative to its own
     * section ({@code "max_stanza_bytes: must be ..."}); the path of the section comes first.
     */
    private static String validationMessage(JsonMappingException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        return ConfigLoader.firstLine(e.getOriginalMessage());
    }

    private static String withPath(String path, String message) {
        String section = path.split("[.\\[]", 2)[0];
        if (path.isEmpty() || message.startsWith(section + ".") || message.startsWith(section + ":")) {
            // Already names the full key (the storage records do this).
            return message;
        }
        if (message.matches("^[a-z0-9_]+(\\[\\d+])?(\\.[a-z0-9_]+(\\[\\d+])?)*: .*")) {
            return path + "." + message;
        }
        return path + ": " + message;
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a single value";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping of keys";
        }
        return "a " + type.getSimpleName();
    }
}
