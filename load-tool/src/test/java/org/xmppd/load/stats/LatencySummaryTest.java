package org.xmppd.load.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatencySummaryTest {
    /** 1 ms, 2 ms, ... n ms, shuffled a little so the sort matters. */
    private static long[] millis(int n) {
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[(i * 7) % n] = (i + 1) * 1_000_000L;
        }
        return values;
    }

    @Test
    void nearestRankPercentilesOfAHundredSamples() {
        LatencySummary summary = LatencySummary.of(millis(100), 0);
        assertEquals(100, summary.completed());
        assertEquals(50.0, summary.p50Ms());
        assertEquals(99.0, summary.p99Ms());
        assertEquals(100.0, summary.maxMs());
    }

    @Test
    void nearestRankRoundsUp() {
        // ceil(0.99 * 10) = 10: with ten samples the p99 is the slowest.
        LatencySummary summary = LatencySummary.of(millis(10), 0);
        assertEquals(5.0, summary.p50Ms());
        assertEquals(10.0, summary.p99Ms());
        assertEquals(1.0, LatencySummary.of(millis(1), 0).p99Ms());
    }

    @Test
    void missingSamplesCountAsInfinitelyLate() {
        // 98 delivered, 2 lost: rank 99 of 100 falls on a lost one.
        long[] delivered = new long[98];
        System.arraycopy(millis(100), 0, delivered, 0, 98);
        LatencySummary summary = LatencySummary.of(delivered, 2);
        assertEquals(Double.POSITIVE_INFINITY, summary.p99Ms());
        assertEquals(2, summary.missing());
        // One lost in a thousand leaves p99 finite.
        assertEquals(990.0, LatencySummary.of(millis(999), 1).p99Ms());
    }

    @Test
    void noSamplesAtAll() {
        LatencySummary summary = LatencySummary.of(new long[0], 0);
        assertEquals(0.0, summary.p50Ms());
        assertEquals(0.0, summary.p99Ms());
        assertEquals(0.0, summary.maxMs());
        assertEquals(Double.POSITIVE_INFINITY, LatencySummary.of(new long[0], 3).p50Ms());
    }

    @Test
    void recorderKeepsEverySampleAcrossGrowth() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 1; i <= 5000; i++) {
            recorder.record(i * 1_000_000L);
        }
        assertEquals(5000, recorder.count());
        LatencySummary summary = recorder.summary(0);
        assertEquals(2500.0, summary.p50Ms());
        assertEquals(4950.0, summary.p99Ms());
        assertEquals(5000.0, summary.maxMs());
    }
}
