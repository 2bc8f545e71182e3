package org.xmppd.load.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.xmppd.load.client.ClientLauncher;
import org.xmppd.load.client.ClientListener;
import org.xmppd.load.client.XmppClient;
import org.xmppd.load.stats.ServerProcess;

/**
 * Authenticated idle connections: ramps up to {@code connections} logged-in clients (each bound,
 * roster fetched, presence sent), lets them settle, then holds them and measures the server's
 * resident memory per connection and its CPU use while nothing happens but keepalives.
 */
public final class IdleScenario {
    /**
     * @param connections connections to establish
     * @param concurrency logins in flight during the ramp
     * @param settle pause between the ramp and the measurement (buffers shrink, GC runs)
     * @param hold measurement period of idle CPU
     * @param maxTime bound of the whole run; the ramp stops early so settle and hold still fit
     */
    public record Options(int connections, int concurrency, Duration settle, Duration hold, Duration maxTime) {
    }

    private final ClientLauncher launcher;
    private final UserRange users;
    private final Options options;
    private final Probes probes;

    public IdleScenario(ClientLauncher launcher, UserRange users, Options options, Probes probes) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.users = Objects.requireNonNull(users, "users");
        this.options = Objects.requireNonNull(options, "options");
        this.probes = Objects.requireNonNull(probes, "probes");
    }

    public Report run() throws InterruptedException {
        long start = System.nanoTime();
        long rampDeadline = start + options.maxTime().minus(options.settle()).minus(options.hold()).toNanos();
        Optional<ServerProcess> server = probes.server();
        long rssBefore = server.map(ServerProcess::rssKib).orElse(-1L);
        Holding holding = new Holding();
        int launched = new Ramp(launcher, options.concurrency()).run(0, options.connections(),
                i -> users.account(i, "idle" + i), XmppClient.Goal.LOGIN, i -> holding, rampDeadline);
        double rampSeconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(options.settle().toMillis());
        CpuMeter cpu = CpuMeter.start(probes);
        Thread.sleep(options.hold().toMillis());
        double idleCpuMs = cpu.serverMillis();
        long rssAfter = server.map(ServerProcess::rssKib).orElse(-1L);
        long established = holding.clients.size();
        long open = established - holding.dropped.total();
        Report.Builder report = Report.builder("idle")
                .put("target", options.connections())
                .put("established", established)
                .put("errors", holding.failures.total())
                .put("dropped", holding.dropped.total())
                .put("ramp_seconds", rampSeconds, 1)
                .put("logins_per_s_ramp", established / rampSeconds, 1)
                .put("server_rss_before_kib", rssBefore)
                .put("server_rss_after_kib", rssAfter)
                .put("server_rss_kib_per_conn", server.isEmpty() || open == 0
                        ? Double.NaN : (rssAfter - rssBefore) / (double) open, 2)
                .put("server_idle_cpu_percent", idleCpuMs / options.hold().toMillis() * 100, 2)
                .put("error_reasons", holding.failures.top())
                .put("drop_reasons", holding.dropped.top());
        if (launched < options.connections()) {
            report.note("time bound reached after " + launched + " of " + options.connections() + " connections");
        }
        List.copyOf(holding.clients).forEach(XmppClient::close);
        return report.build();
    }

    /** Keeps every client that got online; counts those the server drops afterwards. */
    private static final class Holding implements ClientListener {
        private final ConcurrentLinkedQueue<XmppClient> clients = new ConcurrentLinkedQueue<>();
        private final FailureTally failures = new FailureTally();
        private final FailureTally dropped = new FailureTally();

        @Override
        public void ready(XmppClient client) {
            clients.add(client);
        }

        @Override
        public void failed(XmppClient client, String reason) {
            failures.add(reason);
        }

        @Override
        public void closed(XmppClient client) {
            if (client.isReady()) {
                dropped.add(client.closeReason());
            }
        }
    }
}
