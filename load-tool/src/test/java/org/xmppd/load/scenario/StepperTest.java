package org.xmppd.load.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StepperTest {
    private static final Stepper.Labels LABELS = new Stepper.Labels("t", "deliveries_per_s", "delivery");

    @Test
    void pacingSendsTheFirstAtOnceAndKeepsTheRate() {
        AtomicLong sent = new AtomicLong();
        double seconds = Stepper.paced(20, 500_000_000L, n -> sent.incrementAndGet());
        assertTrue(seconds >= 0.5, "took " + seconds);
        assertTrue(sent.get() >= 10 && sent.get() <= 11, "sent " + sent.get());
    }

    /**
     * A fake room of 3: every stanza sent is delivered 3 times at once with a latency of 10 ms,
     * or 500 ms from the rate {@code slowFrom} on.
     */
    private static Stepper.Sender fanOutOf3(Deliveries deliveries, int slowFrom) {
        return (step, nanos) -> Stepper.paced(step.rate(), nanos, n -> {
            step.sentOne(3);
            long now = System.nanoTime();
            long sentAt = now - (step.rate() >= slowFrom ? 500 : 10) * 1_000_000L;
            for (int i = 0; i < 3; i++) {
                deliveries.received(deliveries.mark().prefix(step.number()) + sentAt, now);
            }
        });
    }

    @Test
    void stopsAtTheFirstStepAboveTheBoundAndReportsTheBestBelowIt() throws Exception {
        StepPlan plan = new StepPlan(List.of(20, 40, 80, 160), Duration.ofMillis(300), Duration.ofMillis(50), 100,
                Duration.ofMillis(100));
        StringWriter progress = new StringWriter();
        Stepper stepper = new Stepper(plan, LABELS, Probes.none(), new PrintWriter(progress));
        Deliveries deliveries = new Deliveries(new LatencyMark("x"));
        Report.Builder report = Report.builder("t");
        List<RateStep.Result> results = stepper.run(fanOutOf3(deliveries, 80), deliveries,
                System.nanoTime() + 60_000_000_000L, report);
        stepper.putBest(report, results);
        Report built = report.build();
        assertEquals(3, results.size());
        assertEquals("40", built.valueOrNull("max_rate_passing"));
        assertEquals("10.00", built.valueOrNull("p99_ms_at_max"));
        assertEquals("0", built.valueOrNull("lost_at_max"));
        assertEquals("n/a", built.valueOrNull("server_cpu_ms_per_delivery_at_max"));
        assertEquals("stopped: p99 above 100.0 ms at 80/s", built.valueOrNull("note"));
        RateStep.Result second = results.get(1);
        assertEquals(second.sent() * 3, second.expected());
        assertEquals(second.expected(), second.delivered());
        String[] lines = progress.toString().split("\n");
        assertTrue(lines[0].startsWith("WARMUP scenario=t rate=20 "), lines[0]);
        assertTrue(lines[1].startsWith("STEP scenario=t rate=20 "), lines[1]);
        assertTrue(lines[3].contains(" p99_ms=500.00 ") && lines[3].endsWith(" pass=false"), lines[3]);
    }

    @Test
    void noStepStartsThatWouldEndAfterTheDeadline() throws Exception {
        StepPlan plan = new StepPlan(List.of(20), Duration.ofSeconds(10), Duration.ofSeconds(1), 100, Duration.ZERO);
        Stepper stepper = new Stepper(plan, LABELS, Probes.none(), new PrintWriter(new StringWriter()));
        Deliveries deliveries = new Deliveries(new LatencyMark("x"));
        Report.Builder report = Report.builder("t");
        List<RateStep.Result> results = stepper.run(fanOutOf3(deliveries, 1000), deliveries,
                System.nanoTime() + 5_000_000_000L, report);
        stepper.putBest(report, results);
        assertTrue(results.isEmpty());
        assertEquals("0", report.build().valueOrNull("max_rate_passing"));
        assertEquals("time bound reached before the 20/s step", report.build().valueOrNull("note"));
    }

    @Test
    void aPlanNeedsRates() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new StepPlan(List.of(), Duration.ofSeconds(1), Duration.ZERO, 100, Duration.ZERO));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new StepPlan(List.of(0), Duration.ofSeconds(1), Duration.ZERO, 100, Duration.ZERO));
    }
}
