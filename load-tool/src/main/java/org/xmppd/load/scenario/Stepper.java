package org.xmppd.load.scenario;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Runs the steps of a {@link StepPlan}: offers each rate through a {@link Sender}, waits for the
 * drain, prints a {@code STEP} line and stops at the first failing step. Shared by chat, muc and
 * pubsub, which differ only in what one sent stanza is and how many deliveries it makes.
 */
final class Stepper {
    /** Sends at {@code step.rate()} for {@code nanos} and returns the seconds it took; one thread. */
    interface Sender {
        double send(RateStep step, long nanos);
    }

    /**
     * Names of a scenario's figures.
     *
     * @param scenario the scenario name of the STEP lines
     * @param perSecond the key of deliveries per second, e.g. {@code deliveries_per_s}
     * @param unit what one delivery is, for {@code server_cpu_ms_per_<unit>}
     */
    record Labels(String scenario, String perSecond, String unit) {
    }

    /**
     * Sending wakes up every millisecond and writes what is due. Finer ticks cost the generator
     * more CPU than the stanzas do; the timestamp is taken per stanza, so coarser sending does
     * not make latencies look better, it only sends in bursts of rate/1000.
     */
    private static final long TICK_NANOS = 1_000_000;

    private final StepPlan plan;
    private final Labels labels;
    private final Probes probes;
    private final PrintWriter progress;

    Stepper(StepPlan plan, Labels labels, Probes probes, PrintWriter progress) {
        this.plan = plan;
        this.labels = labels;
        this.probes = probes;
        this.progress = progress;
    }

    /**
     * Calls {@code sendOne} with 0, 1, 2... as each send falls due at {@code rate} per second
     * (send n at n / rate seconds, the first at once), for {@code nanos}; returns the seconds it
     * took. Sending the first at once makes a short step of a low rate offer its whole rate.
     */
    static double paced(int rate, long nanos, LongConsumer sendOne) {
        long start = System.nanoTime();
        long now = start;
        long sent = 0;
        while (now - start < nanos) {
            long due = (long) ((now - start) / 1e9 * rate) + 1;
            for (; sent < due; sent++) {
                sendOne.accept(sent);
            }
            LockSupport.parkNanos(TICK_NANOS);
            now = System.nanoTime();
        }
        return (now - start) / 1e9;
    }

    /** Runs the steps until one fails or the next would end after {@code deadline}; notes why it stopped. */
    List<RateStep.Result> run(Sender sender, Deliveries deliveries, long deadline, Report.Builder report)
            throws InterruptedException {
        List<RateStep.Result> results = new ArrayList<>();
        long stepNanos = plan.step().toNanos();
        long drainNanos = plan.drain().toNanos();
        warmUp(sender, deliveries, deadline);
        for (int i = 0; i < plan.rates().size(); i++) {
            if (System.nanoTime() + stepNanos + drainNanos > deadline) {
                report.note("time bound reached before the " + plan.rates().get(i) + "/s step");
                break;
            }
            RateStep step = new RateStep(i + 1, plan.rates().get(i));
            deliveries.startStep(step);
            CpuMeter cpu = CpuMeter.start(probes);
            double seconds = sender.send(step, stepNanos);
            drain(step, drainNanos);
            RateStep.Result result = step.finish(seconds, cpu.serverMillis(), cpu.toolMillis(), plan.p99BoundMs());
            results.add(result);
            progress.println(stepLine(result));
            progress.flush();
            if (!result.pass()) {
                report.note(result.generatorLimited()
                        ? "stopped: the load generator could not offer " + result.rate() + "/s"
                        : "stopped: p99 above " + plan.p99BoundMs() + " ms at " + result.rate() + "/s");
                break;
            }
        }
        return results;
    }

    /** Step 0: the first rate for the warm-up time, then its drain; reported on a WARMUP line, not judged. */
    private void warmUp(Sender sender, Deliveries deliveries, long deadline) throws InterruptedException {
        long warmupNanos = plan.warmup().toNanos();
        if (warmupNanos == 0 || System.nanoTime() + warmupNanos + plan.drain().toNanos() > deadline) {
            return;
        }
        RateStep warmup = new RateStep(0, plan.rates().get(0));
        deliveries.startStep(warmup);
        double seconds = sender.send(warmup, warmupNanos);
        drain(warmup, plan.drain().toNanos());
        RateStep.Result result = warmup.finish(seconds, Double.NaN, Double.NaN, plan.p99BoundMs());
        progress.println(stepLine(result).replaceFirst("^STEP", "WARMUP"));
        progress.flush();
    }

    private static void drain(RateStep step, long drainNanos) throws InterruptedException {
        long drainEnd = System.nanoTime() + drainNanos;
        while (step.deliveredCount() < step.expected() && System.nanoTime() < drainEnd) {
            Thread.sleep(10);
        }
    }

    /** The figures of the highest passing step: {@code max_rate_passing} and its latency, CPU and losses. */
    void putBest(Report.Builder report, List<RateStep.Result> results) {
        RateStep.Result best = results.stream().filter(RateStep.Result::pass).reduce((a, b) -> b).orElse(null);
        String unit = labels.unit();
        report.put("max_rate_passing", best == null ? 0 : best.rate())
                .put(labels.perSecond() + "_at_max", best == null ? Double.NaN : best.deliveredPerSecond(), 1)
                .put("p50_ms_at_max", best == null ? Double.NaN : best.latency().p50Ms(), 2)
                .put("p99_ms_at_max", best == null ? Double.NaN : best.latency().p99Ms(), 2)
                .put("max_ms_at_max", best == null ? Double.NaN : best.latency().maxMs(), 2)
                .put("lost_at_max", best == null ? 0 : best.lost())
                .put("server_cpu_ms_per_" + unit + "_at_max", best == null ? Double.NaN : best.serverCpuMsPerDelivery(), 4)
                .put("tool_cpu_ms_per_" + unit + "_at_max", best == null ? Double.NaN : best.toolCpuMsPerDelivery(), 4);
    }

    String stepLine(RateStep.Result r) {
        return "STEP scenario=" + labels.scenario() + " rate=" + r.rate() + " sent=" + r.sent()
                + " expected=" + r.expected() + " delivered=" + r.delivered() + " lost=" + r.lost()
                + " " + labels.perSecond() + "=" + Report.number(r.deliveredPerSecond(), 1)
                + " p50_ms=" + Report.number(r.latency().p50Ms(), 2) + " p99_ms=" + Report.number(r.latency().p99Ms(), 2)
                + " max_ms=" + Report.number(r.latency().maxMs(), 2)
                + " server_cpu_ms_per_" + labels.unit() + "=" + Report.number(r.serverCpuMsPerDelivery(), 4)
                + " tool_cpu_ms_per_" + labels.unit() + "=" + Report.number(r.toolCpuMsPerDelivery(), 4)
                + " generator_limited=" + r.generatorLimited() + " pass=" + r.pass();
    }
}
