package org.xmppd.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ArchiveIdsTest {
    private static final Instant T0 = Instant.parse("2026-11-23T18:00:00.123Z");

    @Test
    void idsIncreaseEvenWhenTheClockStepsBack() {
        ArchiveIds ids = new ArchiveIds();
        long first = ids.next(T0);
        long second = ids.next(T0);
        long third = ids.next(T0.minusSeconds(60));
        assertTrue(first < second && second < third);
        assertEquals(T0, ArchiveIds.instantOf(first));
        assertEquals(T0, ArchiveIds.instantOf(third), "a step back keeps the last time");
    }

    @Test
    void hexFormHasTheSameOrderAndParsesBack() {
        ArchiveIds ids = new ArchiveIds();
        long a = ids.next(T0);
        long b = ids.next(T0.plusMillis(1));
        String hexA = ArchiveIds.format(a);
        String hexB = ArchiveIds.format(b);
        assertEquals(16, hexA.length());
        assertTrue(hexA.compareTo(hexB) < 0);
        assertEquals(a, ArchiveIds.parse(hexA));
    }

    @Test
    void rejectsWhatItNeverHandsOut() {
        assertEquals(-1, ArchiveIds.parse(null));
        assertEquals(-1, ArchiveIds.parse("123"));
        assertEquals(-1, ArchiveIds.parse("000000000000000G"));
        assertEquals(-1, ArchiveIds.parse("00000000000000AB"), "upper case is not our form");
        assertEquals(-1, ArchiveIds.parse("0000000000000000"));
        assertEquals(-1, ArchiveIds.parse("ffffffffffffffff"), "negative as a long");
    }

    @Test
    void timeBoundsCoverTheirMillisecond() {
        ArchiveIds ids = new ArchiveIds();
        long id = ids.next(T0);
        assertTrue(ArchiveIds.firstOf(T0) <= id && id <= ArchiveIds.lastOf(T0));
        assertTrue(ArchiveIds.lastOf(T0) < ArchiveIds.firstOf(T0.plusMillis(1)));
    }
}
