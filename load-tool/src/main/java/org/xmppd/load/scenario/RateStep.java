package org.xmppd.load.scenario;

import java.util.concurrent.atomic.AtomicLong;
import org.xmppd.load.stats.LatencyRecorder;
import org.xmppd.load.stats.LatencySummary;

/**
 * One rate step of a stepped scenario: what was sent, how many deliveries that should make (one
 * per 1:1 message, one per room occupant for a groupchat message, one per subscriber for a
 * publish), what arrived and how late.
 */
final class RateStep {
    /**
     * The figures of a finished step.
     *
     * @param rate target aggregate rate, stanzas sent per second
     * @param sent stanzas written by the load generator
     * @param expected deliveries the sent stanzas should make
     * @param sendSeconds how long sending took
     * @param latency end-to-end latency per delivery; missing deliveries count as infinitely late
     * @param serverCpuMsPerDelivery server CPU per delivery, NaN without a pid
     * @param toolCpuMsPerDelivery load-tool CPU per delivery (sending and receiving)
     * @param generatorLimited the load generator could not keep the rate (then the step says
     *     nothing about the server)
     * @param pass p99 within the bound and the rate was really offered
     */
    record Result(int rate, long sent, long expected, double sendSeconds, LatencySummary latency,
            double serverCpuMsPerDelivery, double toolCpuMsPerDelivery, boolean generatorLimited, boolean pass) {
        long delivered() {
            return latency.completed();
        }

        double deliveredPerSecond() {
            return latency.completed() / sendSeconds;
        }

        long lost() {
            return latency.missing();
        }
    }

    private final int number;
    private final int rate;
    private final LatencyRecorder latencies = new LatencyRecorder();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong expected = new AtomicLong();

    RateStep(int number, int rate) {
        this.number = number;
        this.rate = rate;
    }

    int number() {
        return number;
    }

    int rate() {
        return rate;
    }

    /** One stanza sent that should reach {@code deliveries} recipients. */
    void sentOne(int deliveries) {
        sent.incrementAndGet();
        expected.addAndGet(deliveries);
    }

    long sent() {
        return sent.get();
    }

    long expected() {
        return expected.get();
    }

    void delivered(long latencyNanos) {
        latencies.record(latencyNanos);
    }

    long deliveredCount() {
        return latencies.count();
    }

    Result finish(double sendSeconds, double serverCpuMs, double toolCpuMs, double p99BoundMs) {
        long sentCount = sent.get();
        long expectedCount = expected.get();
        LatencySummary latency = latencies.summary(Math.max(0, expectedCount - latencies.count()));
        // 5% short of the target rate means the generator, not the server, was the limit.
        boolean limited = sentCount < 0.95 * rate * sendSeconds;
        double serverPerDelivery = latency.completed() == 0 ? Double.NaN : serverCpuMs / latency.completed();
        double toolPerDelivery = latency.completed() == 0 ? Double.NaN : toolCpuMs / latency.completed();
        return new Result(rate, sentCount, expectedCount, sendSeconds, latency, serverPerDelivery, toolPerDelivery,
                limited, !limited && latency.p99Ms() <= p99BoundMs);
    }
}
