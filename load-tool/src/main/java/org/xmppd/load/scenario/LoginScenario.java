package org.xmppd.load.scenario;

import java.time.Duration;
import java.util.Objects;
import org.xmppd.load.client.ClientLauncher;
import org.xmppd.load.client.ClientListener;
import org.xmppd.load.client.XmppClient;
import org.xmppd.load.stats.LatencyRecorder;
import org.xmppd.load.stats.LatencySummary;

/**
 * Login throughput at fixed concurrency: each client connects, negotiates (STARTTLS or not,
 * SASL, bind, roster get, initial presence), then closes its stream; a new one starts as soon as
 * one finishes. Latency is connect to initial presence sent (after the roster result arrived).
 * Warm-up logins (JIT, caches) are run first and not counted.
 */
public final class LoginScenario {
    /**
     * @param concurrency logins in flight
     * @param logins measured logins
     * @param warmup logins run before measuring
     * @param maxTime bound of the whole run; launching stops when it is reached
     */
    public record Options(int concurrency, int logins, int warmup, Duration maxTime) {
    }

    private final ClientLauncher launcher;
    private final UserRange users;
    private final Options options;
    private final Probes probes;

    public LoginScenario(ClientLauncher launcher, UserRange users, Options options, Probes probes) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.users = Objects.requireNonNull(users, "users");
        this.options = Objects.requireNonNull(options, "options");
        this.probes = Objects.requireNonNull(probes, "probes");
    }

    public Report run() throws InterruptedException {
        long deadline = System.nanoTime() + options.maxTime().toNanos();
        Ramp ramp = new Ramp(launcher, options.concurrency());
        Counting warmup = new Counting(new LatencyRecorder());
        ramp.run(0, options.warmup(), i -> users.account(i, "login"), XmppClient.Goal.LOGIN, i -> warmup, deadline);

        Counting measured = new Counting(new LatencyRecorder());
        CpuMeter cpu = CpuMeter.start(probes);
        long start = System.nanoTime();
        int from = options.warmup();
        int launched = ramp.run(from, from + options.logins(), i -> users.account(i, "login"),
                XmppClient.Goal.LOGIN, i -> measured, deadline);
        double seconds = (System.nanoTime() - start) / 1e9;
        long ok = measured.latencies.count();
        LatencySummary latency = measured.latencies.summary(0);
        Report.Builder report = Report.builder("login")
                .put("logins", ok)
                .put("errors", measured.failures.total())
                .put("seconds", seconds, 2)
                .put("logins_per_s", ok / seconds, 1)
                .put("p50_ms", latency.p50Ms(), 2)
                .put("p99_ms", latency.p99Ms(), 2)
                .put("max_ms", latency.maxMs(), 2)
                .put("server_cpu_ms_per_login", cpu.serverPerOperation(ok), 3)
                .put("tool_cpu_ms_per_login", cpu.toolPerOperation(ok), 3)
                .put("warmup_errors", warmup.failures.total())
                .put("error_reasons", measured.failures.top());
        if (launched < options.logins()) {
            report.note("time bound reached after " + launched + " of " + options.logins() + " logins");
        }
        return report.build();
    }

    /** Records each login's latency, then ends its stream (RFC 6120 §4.4). */
    private static final class Counting implements ClientListener {
        private final LatencyRecorder latencies;
        private final FailureTally failures = new FailureTally();

        Counting(LatencyRecorder latencies) {
            this.latencies = latencies;
        }

        @Override
        public void ready(XmppClient client) {
            latencies.record(client.setupNanos());
            client.close();
        }

        @Override
        public void failed(XmppClient client, String reason) {
            failures.add(reason);
        }
    }
}
