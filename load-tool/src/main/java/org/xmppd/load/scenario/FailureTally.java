package org.xmppd.load.scenario;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/** Counts failures by reason, so a report can say what went wrong and not only how often. */
final class FailureTally {
    private static final int REASON_CHARS = 80;
    private static final int SHOWN = 3;

    private final Map<String, LongAdder> byReason = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();

    void add(String reason) {
        String key = reason.length() > REASON_CHARS ? reason.substring(0, REASON_CHARS) : reason;
        byReason.computeIfAbsent(key, k -> new LongAdder()).increment();
        total.increment();
    }

    long total() {
        return total.sum();
    }

    /** The most frequent reasons with their counts, e.g. {@code 12x timeout in phase AUTH}. */
    String top() {
        if (byReason.isEmpty()) {
            return "-";
        }
        return byReason.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, LongAdder> e) -> e.getValue().sum()).reversed())
                .limit(SHOWN)
                .map(e -> e.getValue().sum() + "x " + e.getKey())
                .collect(Collectors.joining(" | "));
    }
}
