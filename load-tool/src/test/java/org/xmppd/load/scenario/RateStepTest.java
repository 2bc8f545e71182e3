package org.xmppd.load.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateStepTest {
    private static RateStep step(int rate, int sent, int delivered, long latencyMs) {
        RateStep step = new RateStep(1, rate);
        for (int i = 0; i < sent; i++) {
            step.sentOne(1);
        }
        for (int i = 0; i < delivered; i++) {
            step.delivered(latencyMs * 1_000_000L);
        }
        return step;
    }

    @Test
    void passesWhenEverythingArrivesWithinTheBound() {
        RateStep.Result result = step(100, 1000, 1000, 5).finish(10.0, 500.0, 250.0, 100);
        assertTrue(result.pass());
        assertEquals(0, result.lost());
        assertEquals(100.0, result.deliveredPerSecond());
        assertEquals(0.5, result.serverCpuMsPerDelivery());
        assertEquals(0.25, result.toolCpuMsPerDelivery());
    }

    @Test
    void failsAboveTheBound() {
        RateStep.Result result = step(100, 1000, 1000, 150).finish(10.0, 500.0, 250.0, 100);
        assertFalse(result.pass());
        assertFalse(result.generatorLimited());
    }

    @Test
    void failsWhenMoreThanOnePercentIsLost() {
        RateStep.Result result = step(100, 1000, 980, 5).finish(10.0, 500.0, 250.0, 100);
        assertEquals(20, result.lost());
        assertEquals(Double.POSITIVE_INFINITY, result.latency().p99Ms());
        assertFalse(result.pass());
    }

    @Test
    void aGeneratorThatFellBehindIsNotAPass() {
        RateStep.Result result = step(1000, 9000, 9000, 5).finish(10.0, 500.0, 250.0, 100);
        assertTrue(result.generatorLimited());
        assertFalse(result.pass());
    }

    @Test
    void aFannedOutStanzaExpectsOneDeliveryPerRecipient() {
        RateStep step = new RateStep(1, 10);
        for (int i = 0; i < 100; i++) {
            step.sentOne(50);
        }
        for (int i = 0; i < 4990; i++) {
            step.delivered(2_000_000L);
        }
        RateStep.Result result = step.finish(10.0, 998.0, 499.0, 100);
        assertEquals(5000, result.expected());
        assertEquals(10, result.lost());
        assertEquals(499.0, result.deliveredPerSecond());
        assertEquals(0.2, result.serverCpuMsPerDelivery());
        assertEquals(2.0, result.latency().p99Ms());
        assertTrue(result.pass());
    }
}
