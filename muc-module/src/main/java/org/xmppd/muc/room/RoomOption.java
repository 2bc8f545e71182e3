package org.xmppd.muc.room;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One setting of a room: its {@code muc#roomconfig} form field name (also its storage key), its
 * default and how it reads from and writes to text. The option classes of
 * {@code org.xmppd.muc.options} each declare theirs, so a new option touches only its class.
 *
 * @param <T> the value type
 */
public final class RoomOption<T> {
    private final String var;
    private final T defaultValue;
    private final Function<T, String> writer;
    private final Function<String, T> reader;

    private RoomOption(String var, T defaultValue, Function<T, String> writer, Function<String, T> reader) {
        this.var = Objects.requireNonNull(var, "var");
        this.defaultValue = Objects.requireNonNull(defaultValue, "defaultValue");
        this.writer = writer;
        this.reader = reader;
    }

    /** A boolean; XEP-0004 §3.3 accepts {@code 1}/{@code true} and {@code 0}/{@code false}. */
    public static RoomOption<Boolean> flag(String var, boolean defaultValue) {
        return new RoomOption<>(var, defaultValue, b -> b ? "1" : "0", RoomOption::parseFlag);
    }

    public static RoomOption<String> text(String var, String defaultValue) {
        return new RoomOption<>(var, defaultValue, s -> s, s -> s);
    }

    /** A whole number; unparsable text reads as the default. */
    public static RoomOption<Integer> number(String var, int defaultValue) {
        return new RoomOption<>(var, defaultValue, String::valueOf, s -> parseNumber(s, defaultValue));
    }

    /** A list of tokens without spaces (roles, say), kept space-separated. */
    public static RoomOption<List<String>> tokens(String var, List<String> defaultValue) {
        return new RoomOption<>(var, List.copyOf(defaultValue), l -> String.join(" ", l),
                s -> s.isBlank() ? List.of() : List.of(s.trim().split("\\s+")));
    }

    /** The same option with another default (the service's configured one). */
    public RoomOption<T> withDefault(T newDefault) {
        return new RoomOption<>(var, newDefault, writer, reader);
    }

    public String var() {
        return var;
    }

    public T defaultValue() {
        return defaultValue;
    }

    String write(T value) {
        return writer.apply(value);
    }

    T read(String text) {
        return reader.apply(text);
    }

    /** XEP-0004 §3.3 boolean text. */
    public static boolean parseFlag(String text) {
        return text != null && Arrays.asList("1", "true").contains(text.trim());
    }

    private static int parseNumber(String text, int fallback) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RoomOption<?> that && var.equals(that.var);
    }

    @Override
    public int hashCode() {
        return var.hashCode();
    }

    @Override
    public String toString() {
        return var;
    }
}
