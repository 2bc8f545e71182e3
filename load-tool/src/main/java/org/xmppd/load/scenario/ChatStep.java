package org.xmppd.load.scenario;

import java.util.concurrent.atomic.AtomicLong;
import org.xmppd.load.stats.LatencyRecorder;
import org.xmppd.load.stats.LatencySummary;

/** One rate step of the chat scenario: what was sent, what arrived and how late. */
final class ChatStep {
    /**
     * The figures of a finished step.
     *
     * @param rate target aggregate rate, messages per second
     * @param sent messages written by the load generator
     * @param sendSeconds how long sending took
     * @param latency end-to-end latency; undelivered messages count as infinitely late
     * @param serverCpuMsPerMessage server CPU per delivered message, NaN without a pid
     * @param toolCpuMsPerMessage load-tool CPU per delivered message (sending and receiving)
     * @param generatorLimited the load generator could not keep the rate (then the step says
     *     nothing about the server)
     * @param pass p99 within the bound and the rate was really offered
     */
    record Result(int rate, long sent, double sendSeconds, LatencySummary latency, double serverCpuMsPerMessage,
            double toolCpuMsPerMessage, boolean generatorLimited, boolean pass) {
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

    ChatStep(int number, int rate) {
        this.number = number;
        this.rate = rate;
    }

    int number() {
        return number;
    }

    int rate() {
        return rate;
    }

    void sentOne() {
        sent.incrementAndGet();
    }

    long sent() {
        return sent.get();
    }

    void delivered(long latencyNanos) {
        latencies.record(latencyNanos);
    }

    long deliveredCount() {
        return latencies.count();
    }

    Result finish(double sendSeconds, double serverCpuMs, double toolCpuMs, double p99BoundMs) {
        long sentCount = sent.get();
        LatencySummary latency = latencies.summary(Math.max(0, sentCount - latencies.count()));
        // 5% short of the target rate means the generator, not the server, was the limit.
        boolean limited = sentCount < 0.95 * rate * sendSeconds;
        double serverPerMessage = latency.completed() == 0 ? Double.NaN : serverCpuMs / latency.completed();
        double toolPerMessage = latency.completed() == 0 ? Double.NaN : toolCpuMs / latency.completed();
        return new Result(rate, sentCount, sendSeconds, latency, serverPerMessage, toolPerMessage, limited,
                !limited && latency.p99Ms() <= p99BoundMs);
    }
}
