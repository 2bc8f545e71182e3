package org.xmppd.load.scenario;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.xmppd.load.client.ClientLauncher;
import org.xmppd.load.client.XmppClient;

/**
 * 1:1 chat at stepped aggregate rates: {@code users} clients log in, then for each rate random
 * online users message random online peers for a step, followed by a drain for stragglers. A
 * step passes when p99 end-to-end latency (undelivered messages counting as infinitely late) is
 * within the bound; the run stops at the first step that does not.
 */
public final class ChatScenario {
    static final Stepper.Labels LABELS = new Stepper.Labels("chat", "delivered_per_s", "msg");

    /**
     * @param users clients online
     * @param loginConcurrency logins in flight while they come online
     * @param steps the rates (messages per second) and the pass criterion
     * @param maxTime bound of the whole run; no step starts that would pass it
     * @param seed of the sender/recipient choice
     * @param bodyPadding extra characters per body, for realistic message sizes
     */
    public record Options(int users, int loginConcurrency, StepPlan steps, Duration maxTime, long seed,
            int bodyPadding) {
    }

    private final ClientLauncher launcher;
    private final UserRange users;
    private final Options options;
    private final Probes probes;
    private final PrintWriter progress;

    public ChatScenario(ClientLauncher launcher, UserRange users, Options options, Probes probes,
            PrintWriter progress) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.users = Objects.requireNonNull(users, "users");
        this.options = Objects.requireNonNull(options, "options");
        this.probes = Objects.requireNonNull(probes, "probes");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    public Report run() throws InterruptedException {
        long deadline = System.nanoTime() + options.maxTime().toNanos();
        Deliveries deliveries = new Deliveries(LatencyMark.forNewRun());
        ChatTraffic traffic = new ChatTraffic(deliveries, options.bodyPadding(), options.seed());
        Crowd crowd = Crowd.logIn(launcher, users, options.users(), options.loginConcurrency(), "chat",
                i -> traffic, deadline);
        List<XmppClient> online = crowd.online();
        Report.Builder report = Report.builder("chat").put("users_online", online.size())
                .put("login_errors", crowd.loginErrors());
        if (online.size() < 2) {
            return report.put("max_rate_passing", 0)
                    .note("fewer than 2 users online: " + crowd.loginFailureReasons()).build();
        }
        traffic.use(online);
        Stepper stepper = new Stepper(options.steps(), LABELS, probes, progress);
        List<RateStep.Result> results = stepper.run(traffic, deliveries, deadline, report);
        crowd.closeAll();
        stepper.putBest(report, results);
        deliveries.report(report);
        return report.build();
    }
}
