package org.xmppd.load.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HandshakesTest {
    private static long inMillis(long millis) {
        return System.nanoTime() + millis * 1_000_000;
    }

    @Test
    void theFirstOutcomeCounts() throws Exception {
        Handshakes handshakes = new Handshakes(3, 3);
        AtomicInteger sent = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            handshakes.start(i, sent::incrementAndGet, inMillis(1000));
        }
        handshakes.succeed(0);
        handshakes.fail(0, "too late");
        handshakes.fail(1, "refused");
        handshakes.succeed(1);
        handshakes.awaitAll(List.of(0, 1, 2), inMillis(50));
        assertEquals(3, sent.get());
        assertTrue(handshakes.succeeded(0));
        assertFalse(handshakes.succeeded(1));
        assertFalse(handshakes.succeeded(2));
        assertEquals(2, handshakes.failures());
        assertTrue(handshakes.failureReasons().contains("1x refused"), handshakes.failureReasons());
        assertTrue(handshakes.failureReasons().contains("1x timeout waiting for the answer"));
    }

    @Test
    void aFullWindowHoldsBackTheNextRequest() throws Exception {
        Handshakes handshakes = new Handshakes(3, 1);
        AtomicInteger sent = new AtomicInteger();
        handshakes.start(0, sent::incrementAndGet, inMillis(1000));
        handshakes.start(1, sent::incrementAndGet, inMillis(50));
        assertEquals(1, sent.get());
        assertEquals("1x timeout before the request was sent", handshakes.failureReasons());
        handshakes.succeed(0);
        handshakes.start(2, sent::incrementAndGet, inMillis(1000));
        assertEquals(2, sent.get());
    }
}
