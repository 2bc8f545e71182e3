package org.xmppd.server.sasl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    private static final class TestClock extends Clock {
        private Instant now = Instant.parse("2024-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final LoginThrottle throttle = new LoginThrottle(clock,
            new LoginThrottle.Policy(3, Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(5), 100));

    @Test
    void freeFailuresCostNothingThenDelayDoublesUpToTheCap() {
        long[] expected = {0, 0, 0, 1000, 2000, 4000, 5000, 5000};
        for (long delay : expected) {
            assertEquals(delay, throttle.delayMillis("192.0.2.1"));
            throttle.recordFailure("192.0.2.1");
        }
        assertEquals(0, throttle.delayMillis("192.0.2.2"), "other addresses are not affected");
    }

    @Test
    void failuresAreForgottenAfterTheWindow() {
        failures("192.0.2.1", 5);
        assertEquals(4000, throttle.delayMillis("192.0.2.1"));
        clock.advance(Duration.ofMinutes(9));
        assertEquals(4000, throttle.delayMillis("192.0.2.1"));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(0, throttle.delayMillis("192.0.2.1"));
        assertEquals(0, throttle.trackedAddresses());
    }

    @Test
    void successClearsTheAddress() {
        failures("192.0.2.1", 6);
        throttle.recordSuccess("192.0.2.1");
        assertEquals(0, throttle.delayMillis("192.0.2.1"));
    }

    @Test
    void memoryIsBounded() {
        LoginThrottle small = new LoginThrottle(clock,
                new LoginThrottle.Policy(0, Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(5), 3));
        for (int i = 0; i < 10; i++) {
            small.recordFailure("198.51.100." + i);
            clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(3, small.trackedAddresses());
        assertEquals(0, small.delayMillis("198.51.100.0"), "the oldest addresses were evicted");
        assertEquals(1000, small.delayMillis("198.51.100.9"));
    }

    @Test
    void expiredEntriesAreEvictedOnTheNextFailure() {
        failures("192.0.2.1", 1);
        failures("192.0.2.2", 1);
        clock.advance(Duration.ofMinutes(11));
        failures("192.0.2.3", 1);
        assertEquals(1, throttle.trackedAddresses());
    }

    @Test
    void invalidPolicyIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new LoginThrottle.Policy(3, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(5), 10));
        assertThrows(IllegalArgumentException.class,
                () -> new LoginThrottle.Policy(3, Duration.ofMinutes(1), Duration.ofSeconds(9), Duration.ofSeconds(5), 10));
    }

    private void failures(String address, int count) {
        for (int i = 0; i < count; i++) {
            throttle.recordFailure(address);
        }
    }
}
