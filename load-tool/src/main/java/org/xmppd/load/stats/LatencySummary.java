package org.xmppd.load.stats;

import java.util.Arrays;

/**
 * Percentiles of a set of latencies, in milliseconds. Samples that never completed (lost
 * messages, failed logins) count as infinitely late, so losing 2% of the messages makes p99
 * infinite: a step with losses cannot pass a latency bound by having its slowest samples vanish.
 *
 * @param completed samples that completed
 * @param missing samples that never completed
 * @param p50Ms median, nearest rank; {@code Double.POSITIVE_INFINITY} when it falls among the missing
 * @param p99Ms 99th percentile, nearest rank, likewise
 * @param maxMs slowest completed sample; 0 when none completed
 */
public record LatencySummary(long completed, long missing, double p50Ms, double p99Ms, double maxMs) {
    private static final double NANOS_PER_MS = 1_000_000.0;

    /** Summarises {@code nanos} (any order; the array is sorted in place) plus {@code missing}. */
    public static LatencySummary of(long[] nanos, long missing) {
        Arrays.sort(nanos);
        long total = nanos.length + missing;
        double max = nanos.length == 0 ? 0 : nanos[nanos.length - 1] / NANOS_PER_MS;
        return new LatencySummary(nanos.length, missing, percentile(nanos, total, 50), percentile(nanos, total, 99),
                max);
    }

    /**
     * Nearest-rank percentile: the smallest sample with at least {@code p}% of all samples at or
     * below it, i.e. rank ceil(p/100 × total). Ranks beyond the completed samples are missing ones.
     */
    static double percentile(long[] sortedNanos, long total, int p) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * total));
        if (rank > sortedNanos.length) {
            return Double.POSITIVE_INFINITY;
        }
        return sortedNanos[(int) rank - 1] / NANOS_PER_MS;
    }
}
