package org.xmppd.storage;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The stores a backend can be picked for; {@link #key()} is the name used under {@code storage.stores}. */
public enum StoreKind {
    USERS("users"),
    ROSTER("roster"),
    PRESENCE("presence"),
    OFFLINE("offline"),
    USER_DATA("user_data"),
    ROOMS("rooms"),
    NODES("nodes"),
    ARCHIVE("archive");

    private final String key;

    StoreKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The store named {@code key}; an {@link IllegalArgumentException} naming the config key when unknown. */
    public static StoreKind fromKey(String key) {
        for (StoreKind kind : values()) {
            if (kind.key.equals(key)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("storage.stores: unknown store '" + key + "' (known: " + knownKeys() + ")");
    }

    static String knownKeys() {
        return Arrays.stream(values()).map(StoreKind::key).collect(Collectors.joining(", "));
    }
}
