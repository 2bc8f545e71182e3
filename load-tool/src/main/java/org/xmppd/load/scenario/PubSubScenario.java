package org.xmppd.load.scenario;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.xmppd.codec.Element;
import org.xmppd.load.client.ClientLauncher;
import org.xmppd.load.client.ClientListener;
import org.xmppd.load.client.XmppClient;

/**
 * Publish-subscribe (XEP-0060) fan-out at stepped rates: {@code subscribers} clients log in, the
 * first creates a node on the target's pubsub service (see {@link PubSubSetup}), all subscribe,
 * then the first publishes items at each rate in turn. Every item fans out to every subscriber
 * (the publisher is one of them), so figures are per notification: a step passes when p99
 * latency over all notifications (missing ones counting as infinitely late) is within the bound.
 */
public final class PubSubScenario {
    static final Stepper.Labels LABELS = new Stepper.Labels("pubsub", "notifications_per_s", "notification");

    /**
     * @param service the pubsub service, e.g. {@code pubsub.localhost}
     * @param subscribers clients that subscribe, each its own account
     * @param nodePrefix the node is {@code <prefix>-<run>}
     * @param concurrency logins and subscriptions in flight
     * @param setupTimeout how long creating the node and subscribing may take
     * @param steps the rates (items published per second) and the pass criterion
     * @param maxTime bound of the whole run; no step starts that would pass it
     * @param bodyPadding extra characters per item
     */
    public record Options(String service, int subscribers, String nodePrefix, int concurrency,
            Duration setupTimeout, StepPlan steps, Duration maxTime, int bodyPadding) {
        public Options {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(nodePrefix, "nodePrefix");
            Objects.requireNonNull(setupTimeout, "setupTimeout");
            Objects.requireNonNull(steps, "steps");
            Objects.requireNonNull(maxTime, "maxTime");
            if (subscribers < 1) {
                throw new IllegalArgumentException("subscribers must be at least 1: " + subscribers);
            }
        }
    }

    private final ClientLauncher launcher;
    private final UserRange users;
    private final Options options;
    private final Probes probes;
    private final PrintWriter progress;

    public PubSubScenario(ClientLauncher launcher, UserRange users, Options options, Probes probes,
            PrintWriter progress) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.users = Objects.requireNonNull(users, "users");
        this.options = Objects.requireNonNull(options, "options");
        this.probes = Objects.requireNonNull(probes, "probes");
        this.progress = Objects.requireNonNull(progress, "progress");
        if (users.count() < options.subscribers()) {
            // Two subscriptions of one bare JID are one subscription: each subscriber needs its own account.
            throw new IllegalArgumentException("pubsub needs an account per subscriber: --users " + users.count()
                    + " < --subscribers " + options.subscribers());
        }
    }

    public Report run() throws InterruptedException {
        long deadline = System.nanoTime() + options.maxTime().toNanos();
        Deliveries deliveries = new Deliveries(LatencyMark.forNewRun());
        String node = options.nodePrefix() + "-" + deliveries.mark().runId();
        PubSubSetup setup = new PubSubSetup(options.service(), node, options.subscribers(), options.concurrency());
        PubSubTraffic traffic = new PubSubTraffic(deliveries, options.service(), node, options.bodyPadding());
        Crowd crowd = Crowd.logIn(launcher, users, options.subscribers(), options.concurrency(), "pubsub",
                i -> new Subscriber(i, setup, traffic, deliveries), deadline);
        Report.Builder report = Report.builder("pubsub")
                .put("subscribers", options.subscribers())
                .put("users_online", crowd.online().size())
                .put("login_errors", crowd.loginErrors());
        XmppClient publisher = crowd.clientOrNull(0);
        if (publisher == null) {
            return report.put("max_rate_passing", 0)
                    .note("the publisher could not log in: " + crowd.loginFailureReasons()).build();
        }
        long setupStart = System.nanoTime();
        long setupDeadline = Math.min(deadline, setupStart + options.setupTimeout().toNanos());
        String refused = setup.createNode(publisher, setupDeadline);
        if (refused != null) {
            return report.put("max_rate_passing", 0).note(refused).build();
        }
        setup.subscribeAll(crowd, options.subscribers(), setupDeadline);
        int subscribed = countSubscribed(setup);
        report.put("node", node)
                .put("subscribed", subscribed)
                .put("subscribe_errors", setup.failures())
                .put("setup_seconds", (System.nanoTime() - setupStart) / 1e9, 2)
                .put("subscribe_error_reasons", setup.failureReasons());
        if (subscribed == 0) {
            return report.put("max_rate_passing", 0).note("nobody subscribed").build();
        }
        traffic.use(publisher, subscribed);
        Stepper stepper = new Stepper(options.steps(), LABELS, probes, progress);
        List<RateStep.Result> results = stepper.run(traffic, deliveries, deadline, report);
        crowd.closeAll();
        stepper.putBest(report, results);
        deliveries.report(report);
        return report.build();
    }

    private int countSubscribed(PubSubSetup setup) {
        int subscribed = 0;
        for (int i = 0; i < options.subscribers(); i++) {
            subscribed += setup.subscribed(i) ? 1 : 0;
        }
        return subscribed;
    }

    /** What one subscriber (client 0: also the publisher) hears. */
    private record Subscriber(int index, PubSubSetup setup, PubSubTraffic traffic, Deliveries deliveries)
            implements ClientListener {
        @Override
        public void ready(XmppClient client) {
            // The crowd keeps it.
        }

        @Override
        public void failed(XmppClient client, String reason) {
            // The crowd counts it.
        }

        @Override
        public void iqResponse(XmppClient client, Element iq) {
            setup.iqResponse(index, iq);
            traffic.iqResponse(iq);
        }

        @Override
        public void message(XmppClient client, Element message) {
            traffic.message(message);
        }

        @Override
        public void closed(XmppClient client) {
            deliveries.closed(client);
        }
    }
}
