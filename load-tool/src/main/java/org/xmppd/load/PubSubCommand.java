package org.xmppd.load;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.xmppd.load.client.ClientLauncher;
import org.xmppd.load.scenario.PubSubScenario;
import org.xmppd.load.scenario.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code pubsub}: the highest publish rate to one node whose p99 notification latency stays within the bound. */
@Command(name = "pubsub", mixinStandardHelpOptions = true,
        description = "Subscribe N accounts to one node on the pubsub service (XEP-0060), then publish items at "
                + "stepped rates; figures are per notification (one per subscriber).")
final class PubSubCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target;

    @Mixin
    StepOptions steps;

    @Spec
    CommandSpec spec;

    @Option(names = "--subscribers", defaultValue = "1000",
            description = "Subscribers, each its own account (at most --users); the first also publishes "
                    + "(default: ${DEFAULT-VALUE}).")
    int subscribers;

    @Option(names = "--service", description = "Pubsub service JID (default: pubsub.<domain>).")
    String service;

    @Option(names = "--node-prefix", defaultValue = "load",
            description = "The node is <prefix>-<run> (default: ${DEFAULT-VALUE}).")
    String nodePrefix;

    @Option(names = "--setup-timeout-seconds", defaultValue = "60",
            description = "Time node creation and all subscriptions may take (default: ${DEFAULT-VALUE}).")
    int setupTimeoutSeconds;

    @Option(names = "--rates", split = ",", defaultValue = "1,2,5,10,15,20,30,40",
            description = "Items published per second per step (each fans out to every subscriber) "
                    + "(default: ${DEFAULT-VALUE}).")
    List<Integer> rates;

    @Override
    public Integer call() throws InterruptedException {
        if (subscribers < 1 || subscribers > target.users) {
            throw new ParameterException(spec.commandLine(), "--subscribers must be 1..--users (" + target.users
                    + "): each subscriber is its own account (was " + subscribers + ")");
        }
        String pubsub = service == null ? "pubsub." + target.domain : service;
        spec.commandLine().getOut().println(target.describe() + ", " + subscribers + " subscribers on " + pubsub);
        PubSubScenario.Options options = new PubSubScenario.Options(pubsub, subscribers, nodePrefix,
                steps.loginConcurrency, Duration.ofSeconds(setupTimeoutSeconds), steps.plan(rates), steps.maxTime(),
                steps.bodyPadding);
        try (ClientLauncher launcher = target.launcher()) {
            Report report = new PubSubScenario(launcher, target.userRange(), options, target.probes(),
                    spec.commandLine().getOut()).run();
            report.print(spec.commandLine().getOut());
            return "0".equals(report.valueOrNull("max_rate_passing")) ? 1 : 0;
        }
    }
}
