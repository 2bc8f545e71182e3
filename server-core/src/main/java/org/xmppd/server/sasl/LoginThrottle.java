package org.xmppd.server.sasl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Slows down password guessing from one remote address. Once {@link Policy#freeFailures()} logins
 * have failed within {@link Policy#window()}, the answer to each further attempt is held back:
 * {@link Policy#baseDelay()} at first, doubling with each further failure up to {@link Policy#maxDelay()}. The caller schedules the delayed answer;
 * nothing here sleeps. Memory is bounded: entries expire after the window and at most
 * {@link Policy#maxTrackedAddresses()} addresses are kept (least recently failed evicted first).
 * Thread-safe.
 */
public final class LoginThrottle {

    /**
     * Throttling tunables (from config).
     *
     * @param freeFailures        failures within the window before answers are delayed (0 acts as 1)
     * @param window              how long a failure is remembered after the last one
     * @param baseDelay           the delay after the first failure beyond the free ones
     * @param maxDelay            the cap on the delay
     * @param maxTrackedAddresses how many addresses are remembered at most
     */
    public record Policy(int freeFailures, Duration window, Duration baseDelay, Duration maxDelay,
                         int maxTrackedAddresses) {
        public Policy {
            if (freeFailures < 0 || maxTrackedAddresses < 1) {
                throw new IllegalArgumentException("freeFailures must be >= 0 and maxTrackedAddresses >= 1");
            }
            if (window.isNegative() || window.isZero() || baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
                throw new IllegalArgumentException("window must be positive and 0 <= baseDelay <= maxDelay");
            }
        }

        /** Five free failures per 15 minutes, then 1 s doubling to 60 s, 10 000 addresses. */
        public static Policy defaults() {
            return new Policy(5, Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofSeconds(60), 10_000);
        }
    }

    private record Entry(int failures, Instant lastFailure) {}

    private final Clock clock;
    private final Policy policy;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public LoginThrottle(Clock clock, Policy policy) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Milliseconds to wait before answering the next authentication attempt from {@code address}. */
    public synchronized long delayMillis(String address) {
        Entry entry = current(address);
        // Zero free failures means the same as one: nothing to delay before the first failure.
        int doublings = entry == null ? -1 : entry.failures() - Math.max(policy.freeFailures(), 1);
        if (doublings < 0) {
            return 0;
        }
        long max = policy.maxDelay().toMillis();
        long delay = Math.min(policy.baseDelay().toMillis(), max);
        for (int i = 0; i < doublings && delay > 0 && delay < max; i++) {
            delay = Math.min(delay * 2, max);
        }
        return delay;
    }

    /** Records a failed authentication from {@code address}. */
    public synchronized void recordFailure(String address) {
        Entry entry = current(address);
        entries.remove(address);
        entries.put(address, new Entry(entry == null ? 1 : entry.failures() + 1, clock.instant()));
        evict();
    }

    /** A successful login forgets the address's failures. */
    public synchronized void recordSuccess(String address) {
        entries.remove(address);
    }

    /** How many addresses are remembered now (for tests and metrics). */
    public synchronized int trackedAddresses() {
        return entries.size();
    }

    private Entry current(String address) {
        Entry entry = entries.get(Objects.requireNonNull(address, "address"));
        if (entry != null && expired(entry)) {
            entries.remove(address);
            return null;
        }
        return entry;
    }

    private boolean expired(Entry entry) {
        return !entry.lastFailure().plus(policy.window()).isAfter(clock.instant());
    }

    /** Insertion order is last-failure order, so expired and surplus entries sit at the front. */
    private void evict() {
        Iterator<Entry> oldestFirst = entries.values().iterator();
        while (oldestFirst.hasNext()) {
            Entry oldest = oldestFirst.next();
            if (entries.size() <= policy.maxTrackedAddresses() && !expired(oldest)) {
                return;
            }
            oldestFirst.remove();
        }
    }
}
