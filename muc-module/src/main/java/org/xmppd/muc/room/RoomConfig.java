package org.xmppd.muc.room;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A room's settings: option name to text, read through typed {@link RoomOption}s. Options never
 * set read as their default, so rooms stored before an option existed get its default.
 */
public final class RoomConfig {
    private static final RoomConfig EMPTY = new RoomConfig(Map.of());

    private final Map<String, String> values;

    private RoomConfig(Map<String, String> values) {
        this.values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    public static RoomConfig empty() {
        return EMPTY;
    }

    /** Settings as stored ({@link #asMap()}). */
    public static RoomConfig fromMap(Map<String, String> values) {
        return new RoomConfig(values);
    }

    public <T> T get(RoomOption<T> option) {
        String text = values.get(option.var());
        return text == null ? option.defaultValue() : option.read(text);
    }

    public <T> RoomConfig with(RoomOption<T> option, T value) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.put(option.var(), option.write(value));
        return new RoomConfig(copy);
    }

    /** Every explicitly set option, by name, for storage. */
    public Map<String, String> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RoomConfig that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
