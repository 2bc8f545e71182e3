package org.xmppd.load.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LatencyMarkTest {
    private final LatencyMark mark = new LatencyMark("run1");

    @Test
    void readsBackWhatItWrote() {
        String text = mark.prefix(3) + 123456789L + LatencyMark.padding(4);
        assertEquals("lt run1 3 123456789 xxxx", text);
        assertEquals(new LatencyMark.Parsed(3, 123456789L), mark.parseOrNull(text));
    }

    @Test
    void ignoresOtherRunsAndOtherTexts() {
        assertNull(mark.parseOrNull(new LatencyMark("run0").prefix(3) + 5));
        assertNull(mark.parseOrNull("hello"));
        assertNull(mark.parseOrNull("lt run1 three 5"));
        assertNull(mark.parseOrNull("lt run1 3"));
        assertEquals("", LatencyMark.padding(0));
    }

    @Test
    void aRunIdIsOneWord() {
        assertThrows(IllegalArgumentException.class, () -> new LatencyMark("two words"));
        assertThrows(IllegalArgumentException.class, () -> new LatencyMark(""));
    }
}
