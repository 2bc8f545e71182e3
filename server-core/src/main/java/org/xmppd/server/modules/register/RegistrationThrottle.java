package org.xmppd.server.modules.register;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Limits how many accounts one remote address creates: at most {@code maxAccounts} within any
 * sliding {@code window}. Memory is bounded: at most {@code maxTrackedAddresses} addresses are
 * remembered, the least recently active forgotten first. Thread-safe.
 */
final class RegistrationThrottle {
    private final Clock clock;
    private final int maxAccounts;
    private final Duration window;
    private final Map<String, Deque<Instant>> creations;

    RegistrationThrottle(Clock clock, int maxAccounts, Duration window, int maxTrackedAddresses) {
        if (maxAccounts < 1 || maxTrackedAddresses < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAccounts = maxAccounts;
        this.window = window;
        // Access order: the eldest entry is the address heard from least recently.
        this.creations = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
                return size() > maxTrackedAddresses;
            }
        };
    }

    /**
     * Takes one of {@code address}'s slots for an account about to be created; false when all
     * are taken. A creation that then fails gives its slot back with {@link #release}.
     */
    synchronized boolean tryAcquire(String address) {
        Instant now = clock.instant();
        Deque<Instant> times = creations.computeIfAbsent(address, a -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
            times.removeFirst();
        }
        if (times.size() >= maxAccounts) {
            return false;
        }
        times.addLast(now);
        return true;
    }

    /** Returns the slot most recently taken by {@code address} (the creation did not happen). */
    synchronized void release(String address) {
        Deque<Instant> times = creations.get(address);
        if (times != null && !times.isEmpty()) {
            times.removeLast();
        }
    }
}
