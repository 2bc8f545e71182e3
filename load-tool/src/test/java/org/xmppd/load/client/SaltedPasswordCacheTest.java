package org.xmppd.load.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Hi() is PBKDF2-HMAC-SHA1 with one block: the RFC 6070 test vectors apply. */
class SaltedPasswordCacheTest {
    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void hiMatchesRfc6070() {
        assertEquals("0c60c80f961f0e71f3a9b524af6012062fe037a6",
                HexFormat.of().formatHex(SaltedPasswordCache.hi(ascii("password"), ascii("salt"), 1)));
        assertEquals("ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957",
                HexFormat.of().formatHex(SaltedPasswordCache.hi(ascii("password"), ascii("salt"), 2)));
        assertEquals("4b007901b765489abead49d926f721d065a429c1",
                HexFormat.of().formatHex(SaltedPasswordCache.hi(ascii("password"), ascii("salt"), 4096)));
    }

    @Test
    void cachedValuesAreEqualAndCallersCannotCorruptThem() {
        SaltedPasswordCache cache = new SaltedPasswordCache();
        byte[] first = cache.saltedPassword("password", ascii("salt"), 4096);
        first[0] = 0;
        byte[] second = cache.saltedPassword("password", ascii("salt"), 4096);
        assertEquals("4b007901b765489abead49d926f721d065a429c1", HexFormat.of().formatHex(second));
        assertArrayEquals(second, cache.saltedPassword("password", ascii("salt"), 4096));
    }

    @Test
    void distinguishesSaltsAndIterations() {
        SaltedPasswordCache cache = new SaltedPasswordCache();
        assertEquals("0c60c80f961f0e71f3a9b524af6012062fe037a6",
                HexFormat.of().formatHex(cache.saltedPassword("password", ascii("salt"), 1)));
        assertEquals("ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957",
                HexFormat.of().formatHex(cache.saltedPassword("password", ascii("salt"), 2)));
    }
}
