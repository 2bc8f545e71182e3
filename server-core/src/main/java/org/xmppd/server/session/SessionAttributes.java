package org.xmppd.server.session;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What features remember about one session (carbons enabled, block list requested...), by typed
 * key like MINA's {@code AttributeKey}: the session holds the values without knowing the
 * features, and they go away with the session. Thread-safe.
 * <pre>
 * static final SessionAttributes.Key&lt;Boolean&gt; ENABLED = new SessionAttributes.Key&lt;&gt;("carbons", Boolean.class);
 * session.attributes().set(ENABLED, true);
 * </pre>
 */
public final class SessionAttributes {
    /** A typed key; keys compare by identity, so each feature's constants are its own. */
    public static final class Key<T> {
        private final String name;
        private final Class<T> type;

        public Key(String name, Class<T> type) {
            this.name = Objects.requireNonNull(name, "name");
            this.type = Objects.requireNonNull(type, "type");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final ConcurrentMap<Key<?>, Object> values = new ConcurrentHashMap<>();

    /** The value of {@code key}, or null when unset. */
    public <T> T get(Key<T> key) {
        return key.type.cast(values.get(key));
    }

    /** The value of {@code key}, or {@code absent} when unset. */
    public <T> T getOrDefault(Key<T> key, T absent) {
        T value = get(key);
        return value == null ? absent : value;
    }

    /** Sets {@code key}; a null value removes it. */
    public <T> void set(Key<T> key, T value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, key.type.cast(value));
        }
    }
}
