package org.xmppd.muc.room;

import java.util.List;
import java.util.Objects;

/**
 * A XEP-0004 data form field as the engine describes it; the XML layer writes and reads it.
 *
 * @param var     the field name
 * @param type    the XEP-0004 §3.3 type ({@code boolean}, {@code text-single}, {@code list-single}...)
 * @param label   a human-readable label, or null
 * @param values  the values (empty for none)
 * @param options the choices of a list field
 */
public record FormField(String var, String type, String label, List<String> values, List<Choice> options) {
    /** One choice of a list field. */
    public record Choice(String label, String value) {
    }

    public FormField {
        Objects.requireNonNull(type, "type");
        values = List.copyOf(values);
        options = List.copyOf(options);
    }

    public static FormField hidden(String var, String value) {
        return new FormField(var, "hidden", null, List.of(value), List.of());
    }

    public static FormField flag(String var, String label, boolean value) {
        return new FormField(var, "boolean", label, List.of(value ? "1" : "0"), List.of());
    }

    public static FormField text(String var, String label, String value) {
        return new FormField(var, "text-single", label, value == null ? List.of() : List.of(value), List.of());
    }

    public static FormField secret(String var, String label, String value) {
        return new FormField(var, "text-private", label, value == null ? List.of() : List.of(value), List.of());
    }

    public static FormField single(String var, String label, String value, List<Choice> options) {
        return new FormField(var, "list-single", label, List.of(value), options);
    }

    public static FormField multi(String var, String label, List<String> values, List<Choice> options) {
        return new FormField(var, "list-multi", label, values, options);
    }

    public static FormField jids(String var, String label, List<String> values) {
        return new FormField(var, "jid-multi", label, values, List.of());
    }

    /** A field of a result form (disco#info extended information, XEP-0128): no type needed. */
    public static FormField info(String var, String label, String value) {
        return new FormField(var, "text-single", label, value == null ? List.of() : List.of(value), List.of());
    }
}
