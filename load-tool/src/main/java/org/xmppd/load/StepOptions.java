package org.xmppd.load;

import java.time.Duration;
import java.util.List;
import org.xmppd.load.scenario.StepPlan;
import picocli.CommandLine.Option;

/** The options of the stepped scenarios (chat, muc, pubsub); each command has its own {@code --rates}. */
final class StepOptions {
    @Option(names = "--login-concurrency", defaultValue = "32",
            description = "Logins in flight while users come online (default: ${DEFAULT-VALUE}).")
    int loginConcurrency;

    @Option(names = "--step-seconds", defaultValue = "20", description = "Length of a step (default: ${DEFAULT-VALUE}).")
    int stepSeconds;

    @Option(names = "--drain-seconds", defaultValue = "3",
            description = "Wait after a step for deliveries under way (default: ${DEFAULT-VALUE}).")
    int drainSeconds;

    @Option(names = "--warmup-seconds", defaultValue = "5",
            description = "Unmeasured warm-up at the first rate before the steps (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--p99-bound-ms", defaultValue = "100",
            description = "A step fails above this p99 (default: ${DEFAULT-VALUE}).")
    double p99BoundMs;

    @Option(names = "--body-padding", defaultValue = "64",
            description = "Extra characters in each body or item (default: ${DEFAULT-VALUE}).")
    int bodyPadding;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-seconds", defaultValue = "280",
            description = "Bound of the whole run (default: ${DEFAULT-VALUE}).")
    int maxSeconds;

    StepPlan plan(List<Integer> rates) {
        return new StepPlan(rates, Duration.ofSeconds(stepSeconds), Duration.ofSeconds(drainSeconds), p99BoundMs,
                Duration.ofSeconds(warmupSeconds));
    }

    Duration maxTime() {
        return Duration.ofSeconds(maxSeconds);
    }
}
