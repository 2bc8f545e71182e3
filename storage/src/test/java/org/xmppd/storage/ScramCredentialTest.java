package org.xmppd.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ScramCredentialTest {
    private static ScramCredential credential(byte[] salt) {
        return new ScramCredential(ScramCredential.SCRAM_SHA_256, salt, 4096, new byte[] {1, 2}, new byte[] {3, 4});
    }

    @Test
    void bytesAreCopiedInAndOut() {
        byte[] salt = {9, 9, 9};
        ScramCredential credential = credential(salt);
        salt[0] = 0;
        credential.salt()[1] = 0;
        assertArrayEquals(new byte[] {9, 9, 9}, credential.salt());
    }

    @Test
    void equalityIsByContent() {
        assertEquals(credential(new byte[] {1, 2, 3}), credential(new byte[] {1, 2, 3}));
        assertEquals(credential(new byte[] {1, 2, 3}).hashCode(), credential(new byte[] {1, 2, 3}).hashCode());
        assertNotEquals(credential(new byte[] {1, 2, 3}), credential(new byte[] {1, 2, 4}));
    }

    @Test
    void toStringLeavesOutKeyMaterial() {
        String text = credential(new byte[] {1}).toString();
        assertEquals("ScramCredential[SCRAM-SHA-256, iterations=4096]", text);
        assertFalse(text.contains("[B@"));
    }

    @Test
    void invalidValuesAreRejected() {
        byte[] key = {1};
        assertThrows(IllegalArgumentException.class, () -> new ScramCredential("", key, 1, key, key));
        assertThrows(IllegalArgumentException.class, () -> new ScramCredential("X".repeat(21), key, 1, key, key));
        assertThrows(IllegalArgumentException.class, () -> new ScramCredential("SCRAM-SHA-1", new byte[0], 1, key, key));
        assertThrows(IllegalArgumentException.class, () -> new ScramCredential("SCRAM-SHA-1", key, 0, key, key));
        assertThrows(NullPointerException.class, () -> new ScramCredential("SCRAM-SHA-1", key, 1, null, key));
    }
}
