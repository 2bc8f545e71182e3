package org.xmppd.load.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DeliveriesTest {
    private final Deliveries deliveries = new Deliveries(new LatencyMark("r"));

    @Test
    void countsMarksOfTheCurrentStepAndCallsEarlierOnesLate() {
        RateStep first = new RateStep(1, 10);
        deliveries.startStep(first);
        deliveries.received("lt r 1 1000", 3_001_000);
        RateStep second = new RateStep(2, 20);
        deliveries.startStep(second);
        deliveries.received("lt r 1 1000", 9_000_000);
        deliveries.received("lt r 2 2000", 2_002_000);
        deliveries.received("lt other 2 2000", 2_002_000);
        deliveries.received("not a mark", 2_002_000);
        deliveries.bounced();
        assertEquals(1, first.deliveredCount());
        assertEquals(1, second.deliveredCount());
        assertEquals(2.0, second.finish(1, 0, 0, 100).latency().maxMs());
        Report.Builder report = Report.builder("t");
        deliveries.report(report);
        Report built = report.build();
        assertEquals("1", built.valueOrNull("late"));
        assertEquals("1", built.valueOrNull("bounced"));
        assertEquals("0", built.valueOrNull("dropped_connections"));
        assertEquals("-", built.valueOrNull("drop_reasons"));
    }

    @Test
    void nothingCountsBeforeTheFirstStep() {
        deliveries.received("lt r 1 1000", 2000);
        Report.Builder report = Report.builder("t");
        deliveries.report(report);
        assertEquals("1", report.build().valueOrNull("late"));
    }
}
