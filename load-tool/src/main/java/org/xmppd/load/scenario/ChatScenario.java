package org.xmppd.load.scenario;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.xmppd.codec.Element;
import org.xmppd.load.client.ClientLauncher;
import org.xmppd.load.client.ClientListener;
import org.xmppd.load.client.XmppClient;

/**
 * 1:1 chat at stepped aggregate rates: {@code users} clients log in, then for each rate random
 * online users message random online peers for {@code step}, followed by up to {@code drain} for
 * stragglers. A step passes when p99 end-to-end latency (undelivered messages counting as
 * infinitely late) is within the bound; the run stops at the first step that does not.
 */
public final class ChatScenario {
    /**
     * @param users clients online
     * @param loginConcurrency logins in flight while they come online
     * @param rates aggregate message rates to try, in order (messages per second)
     * @param step how long each rate is offered
     * @param drain how long to wait after a step for messages still under way
     * @param p99BoundMs the latency bound of a passing step
     * @param maxTime bound of the whole run; no step starts that would pass it
     * @param seed of the sender/recipient choice
     * @param bodyPadding extra characters per body, for realistic message sizes
     */
    public record Options(int users, int loginConcurrency, List<Integer> rates, Duration step, Duration drain,
            double p99BoundMs, Duration maxTime, long seed, int bodyPadding) {
        public Options {
            rates = List.copyOf(rates);
        }
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
        ChatTraffic traffic = new ChatTraffic(Long.toString(System.currentTimeMillis(), 36), options.bodyPadding(),
                options.seed());
        AtomicReferenceArray<XmppClient> slots = new AtomicReferenceArray<>(options.users());
        FailureTally loginFailures = new FailureTally();
        new Ramp(launcher, options.loginConcurrency()).run(0, options.users(), i -> users.account(i, "chat" + i),
                XmppClient.Goal.LOGIN, i -> new Online(traffic, slots, i, loginFailures), deadline);
        List<XmppClient> online = new ArrayList<>();
        for (int i = 0; i < slots.length(); i++) {
            if (slots.get(i) != null) {
                online.add(slots.get(i));
            }
        }
        Report.Builder report = Report.builder("chat").put("users_online", online.size())
                .put("login_errors", loginFailures.total());
        if (online.size() < 2) {
            return report.put("max_rate_passing", 0).note("fewer than 2 users online: " + loginFailures.top()).build();
        }
        List<ChatStep.Result> results = runSteps(traffic, Collections.unmodifiableList(online), deadline, report);
        online.forEach(XmppClient::close);
        ChatStep.Result best = results.stream().filter(ChatStep.Result::pass).reduce((a, b) -> b).orElse(null);
        return report.put("max_rate_passing", best == null ? 0 : best.rate())
                .put("delivered_per_s_at_max", best == null ? Double.NaN : best.deliveredPerSecond(), 1)
                .put("p99_ms_at_max", best == null ? Double.NaN : best.latency().p99Ms(), 2)
                .put("server_cpu_ms_per_msg_at_max", best == null ? Double.NaN : best.serverCpuMsPerMessage(), 4)
                .put("tool_cpu_ms_per_msg_at_max", best == null ? Double.NaN : best.toolCpuMsPerMessage(), 4)
                .put("late", traffic.late())
                .put("bounced", traffic.bounced())
                .put("dropped_connections", traffic.dropped())
                .put("drop_reasons", traffic.dropReasons())
                .build();
    }

    private List<ChatStep.Result> runSteps(ChatTraffic traffic, List<XmppClient> online, long deadline,
            Report.Builder report) throws InterruptedException {
        List<ChatStep.Result> results = new ArrayList<>();
        long stepNanos = options.step().toNanos();
        long drainNanos = options.drain().toNanos();
        for (int i = 0; i < options.rates().size(); i++) {
            if (System.nanoTime() + stepNanos + drainNanos > deadline) {
                report.note("time bound reached before the " + options.rates().get(i) + " msg/s step");
                break;
            }
            ChatStep step = new ChatStep(i + 1, options.rates().get(i));
            CpuMeter cpu = CpuMeter.start(probes);
            double seconds = traffic.send(step, online, stepNanos);
            long drainEnd = System.nanoTime() + drainNanos;
            while (step.deliveredCount() < step.sent() && System.nanoTime() < drainEnd) {
                Thread.sleep(10);
            }
            ChatStep.Result result = step.finish(seconds, cpu.serverMillis(), cpu.toolMillis(), options.p99BoundMs());
            results.add(result);
            progress.println(stepLine(result));
            progress.flush();
            if (!result.pass()) {
                report.note(result.generatorLimited()
                        ? "stopped: the load generator could not offer " + result.rate() + " msg/s"
                        : "stopped: p99 above " + options.p99BoundMs() + " ms at " + result.rate() + " msg/s");
                break;
            }
        }
        return results;
    }

    private static String stepLine(ChatStep.Result r) {
        return "STEP scenario=chat rate=" + r.rate() + " sent=" + r.sent() + " delivered=" + r.delivered()
                + " lost=" + r.lost() + " delivered_per_s=" + Report.number(r.deliveredPerSecond(), 1)
                + " p50_ms=" + Report.number(r.latency().p50Ms(), 2) + " p99_ms=" + Report.number(r.latency().p99Ms(), 2)
                + " max_ms=" + Report.number(r.latency().maxMs(), 2)
                + " server_cpu_ms_per_msg=" + Report.number(r.serverCpuMsPerMessage(), 4)
                + " tool_cpu_ms_per_msg=" + Report.number(r.toolCpuMsPerMessage(), 4)
                + " generator_limited=" + r.generatorLimited() + " pass=" + r.pass();
    }

    /** Keeps a client once it is online; passes its traffic on. */
    private static final class Online implements ClientListener {
        private final ChatTraffic traffic;
        private final AtomicReferenceArray<XmppClient> slots;
        private final int index;
        private final FailureTally failures;

        Online(ChatTraffic traffic, AtomicReferenceArray<XmppClient> slots, int index, FailureTally failures) {
            this.traffic = traffic;
            this.slots = slots;
            this.index = index;
            this.failures = failures;
        }

        @Override
        public void ready(XmppClient client) {
            slots.set(index, client);
        }

        @Override
        public void failed(XmppClient client, String reason) {
            failures.add(reason);
        }

        @Override
        public void message(XmppClient client, Element message) {
            traffic.message(client, message);
        }

        @Override
        public void closed(XmppClient client) {
            traffic.closed(client);
        }
    }
}
