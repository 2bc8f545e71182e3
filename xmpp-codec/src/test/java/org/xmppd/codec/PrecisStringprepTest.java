package org.xmppd.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.jxmpp.stringprep.XmppStringprep;
import org.jxmpp.stringprep.rocksxmppprecis.RocksXmppPrecisStringprep;

/** The plain-ASCII shortcut of {@link PrecisStringprep} gives what the PRECIS profiles give. */
class PrecisStringprepTest {
    private static final XmppStringprep PRECIS = RocksXmppPrecisStringprep.INSTANCE;
    private static final String ALPHABET = "abcxyz019.-_AZ@/:&<'\" ~!\u00e9\uff21";

    @Test
    void plainPartsAreWhatPrecisReturnsForThem() throws Exception {
        Random random = new Random(7622);
        int plain = 0;
        for (int i = 0; i < 20_000; i++) {
            String text = randomText(random);
            if (PrecisStringprep.isPlainLocalpart(text)) {
                assertEquals(PRECIS.localprep(text), text);
                plain++;
            }
            if (PrecisStringprep.isPlainHostName(text)) {
                assertEquals(PRECIS.domainprep(text), text);
                plain++;
            }
            if (PrecisStringprep.isPlainResourcepart(text)) {
                assertEquals(PRECIS.resourceprep(text), text);
                plain++;
            }
        }
        assertTrue(plain > 1_000, "too few plain samples to mean anything: " + plain);
    }

    @Test
    void typicalAddressPartsTakeTheShortcut() {
        assertTrue(PrecisStringprep.isPlainLocalpart("user1234"));
        assertTrue(PrecisStringprep.isPlainLocalpart("first.last-name_2"));
        assertTrue(PrecisStringprep.isPlainHostName("conference.example.com"));
        assertTrue(PrecisStringprep.isPlainHostName("localhost"));
        assertTrue(PrecisStringprep.isPlainResourcepart("Gajim.x7Yz-1"));
        assertTrue(PrecisStringprep.isPlainResourcepart("<&'\">"));
    }

    @Test
    void anythingPrecisMightChangeOrRefuseGoesThroughPrecis() {
        assertFalse(PrecisStringprep.isPlainLocalpart("Juliet"));           // case mapping
        assertFalse(PrecisStringprep.isPlainLocalpart("ju liet"));
        assertFalse(PrecisStringprep.isPlainLocalpart(""));
        assertFalse(PrecisStringprep.isPlainLocalpart("a".repeat(1024)));
        assertFalse(PrecisStringprep.isPlainHostName("Example.com"));
        assertFalse(PrecisStringprep.isPlainHostName("example.com."));     // trailing dot is stripped
        assertFalse(PrecisStringprep.isPlainHostName("-example.com"));
        assertFalse(PrecisStringprep.isPlainHostName("example-.com"));
        assertFalse(PrecisStringprep.isPlainHostName("xn--bcher-kva.example")); // A-label: checked by IDNA
        assertFalse(PrecisStringprep.isPlainHostName("ab--cd.example"));
        assertFalse(PrecisStringprep.isPlainHostName("a..b"));
        assertFalse(PrecisStringprep.isPlainHostName("a".repeat(64) + ".com"));
        assertFalse(PrecisStringprep.isPlainResourcepart("with space"));
        assertFalse(PrecisStringprep.isPlainResourcepart("tab\there"));
        assertFalse(PrecisStringprep.isPlainResourcepart("caf\u00e9"));
    }

    private static String randomText(Random random) {
        int length = 1 + random.nextInt(12);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            // Mostly the plain characters, so that many samples qualify.
            String from = random.nextInt(4) == 0 ? ALPHABET : "abcxyz019.-";
            text.append(from.charAt(random.nextInt(from.length())));
        }
        return text.toString();
    }
}
