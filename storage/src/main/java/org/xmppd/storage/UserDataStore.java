package org.xmppd.storage;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.jxmpp.jid.EntityBareJid;

/**
 * Small per-account documents by (kind, key), Prosody's keyval storage: one store for the
 * features that each keep a few XML snippets per user, so no feature needs a table of its own.
 * Examples: a vCard ({@code "vcard"}, {@code ""}), private XML ({@code "private"}, namespace),
 * a block list ({@code "blocklist"}, blocked JID). Every backend keeps values of up to
 * {@link #MAX_VALUE_CHARS} characters; features enforce their own, smaller, limits.
 *
 * <p>Methods may block and are thread-safe; backend failures are {@link StorageException}s.
 */
public interface UserDataStore {
    /** Longest kind, in UTF-8 bytes; kinds are short feature names. */
    int MAX_KIND_BYTES = 64;
    /** Longest key, in UTF-8 bytes: a full JID (RFC 7622 §3) fits. */
    int MAX_KEY_BYTES = 3071;
    /** Longest value every backend keeps, in characters (vCards carry avatars). */
    int MAX_VALUE_CHARS = 1024 * 1024;

    Optional<String> get(EntityBareJid user, String kind, String key);

    /** Stores {@code value} under (kind, key), replacing what was there. */
    void put(EntityBareJid user, String kind, String key, String value);

    /** Removes one entry; false when there was none. */
    boolean remove(EntityBareJid user, String kind, String key);

    /** Removes every entry of {@code kind}; returns how many there were. */
    int removeAll(EntityBareJid user, String kind);

    /** The entries of {@code kind}, key to value, sorted by key ({@link String#compareTo}). */
    Map<String, String> all(EntityBareJid user, String kind);

    /** Removes everything stored for the user (account deletion). */
    void deleteAll(EntityBareJid user);

    /**
     * Checks a kind and key against the limits every backend keeps.
     *
     * @throws IllegalArgumentException when the kind is empty or too long, or the key is too long
     */
    static void checkKindAndKey(String kind, String key) {
        if (kind == null || kind.isEmpty() || kind.getBytes(StandardCharsets.UTF_8).length > MAX_KIND_BYTES) {
            throw new IllegalArgumentException("kind must be 1.." + MAX_KIND_BYTES + " bytes: " + kind);
        }
        if (key == null || key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("key must be 0.." + MAX_KEY_BYTES + " bytes");
        }
    }
}
