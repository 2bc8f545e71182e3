package org.xmppd.load;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.xmppd.load.client.ClientLauncher;
import org.xmppd.load.scenario.ChatScenario;
import org.xmppd.load.scenario.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code chat}: the highest 1:1 message rate whose p99 latency stays within the bound. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "N users online send 1:1 messages to random online peers at stepped rates.")
final class ChatCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target;

    @Spec
    CommandSpec spec;

    @Option(names = "--online", defaultValue = "1000",
            description = "Users online; at most --users distinct accounts (default: ${DEFAULT-VALUE}).")
    int online;

    @Option(names = "--login-concurrency", defaultValue = "32",
            description = "Logins in flight while users come online (default: ${DEFAULT-VALUE}).")
    int loginConcurrency;

    @Option(names = "--rates", split = ",", defaultValue = "500,1000,2000,3000,4000,6000,8000,12000,16000",
            description = "Aggregate msg/s per step, in order (default: ${DEFAULT-VALUE}).")
    List<Integer> rates;

    @Option(names = "--step-seconds", defaultValue = "20", description = "Length of a step (default: ${DEFAULT-VALUE}).")
    int stepSeconds;

    @Option(names = "--drain-seconds", defaultValue = "3",
            description = "Wait after a step for messages under way (default: ${DEFAULT-VALUE}).")
    int drainSeconds;

    @Option(names = "--p99-bound-ms", defaultValue = "100",
            description = "A step fails above this p99 (default: ${DEFAULT-VALUE}).")
    double p99BoundMs;

    @Option(names = "--body-padding", defaultValue = "64",
            description = "Extra characters in each body (default: ${DEFAULT-VALUE}).")
    int bodyPadding;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-seconds", defaultValue = "280",
            description = "Bound of the whole run (default: ${DEFAULT-VALUE}).")
    int maxSeconds;

    @Override
    public Integer call() throws InterruptedException {
        spec.commandLine().getOut().println(target.describe());
        ChatScenario.Options options = new ChatScenario.Options(online, loginConcurrency, rates,
                Duration.ofSeconds(stepSeconds), Duration.ofSeconds(drainSeconds), p99BoundMs,
                Duration.ofSeconds(maxSeconds), seed, bodyPadding);
        try (ClientLauncher launcher = target.launcher()) {
            Report report = new ChatScenario(launcher, target.userRange(), options, target.probes(),
                    spec.commandLine().getOut()).run();
            report.print(spec.commandLine().getOut());
            return "0".equals(report.valueOrNull("max_rate_passing")) ? 1 : 0;
        }
    }
}
