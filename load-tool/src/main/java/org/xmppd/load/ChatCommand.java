package org.xmppd.load;

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

    @Mixin
    StepOptions steps;

    @Spec
    CommandSpec spec;

    @Option(names = "--online", defaultValue = "1000",
            description = "Users online; at most --users distinct accounts (default: ${DEFAULT-VALUE}).")
    int online;

    @Option(names = "--rates", split = ",", defaultValue = "500,1000,2000,3000,4000,6000,8000,12000,16000",
            description = "Aggregate msg/s per step, in order (default: ${DEFAULT-VALUE}).")
    List<Integer> rates;

    @Override
    public Integer call() throws InterruptedException {
        spec.commandLine().getOut().println(target.describe());
        ChatScenario.Options options = new ChatScenario.Options(online, steps.loginConcurrency, steps.plan(rates),
                steps.maxTime(), steps.seed, steps.bodyPadding);
        try (ClientLauncher launcher = target.launcher()) {
            Report report = new ChatScenario(launcher, target.userRange(), options, target.probes(),
                    spec.commandLine().getOut()).run();
            report.print(spec.commandLine().getOut());
            return "0".equals(report.valueOrNull("max_rate_passing")) ? 1 : 0;
        }
    }
}
