package org.xmppd.load;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.xmppd.load.client.ClientLauncher;
import org.xmppd.load.scenario.RegisterScenario;
import org.xmppd.load.scenario.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code register}: creates the user range by in-band registration (XEP-0077). */
@Command(name = "register", mixinStandardHelpOptions = true,
        description = "Provision the user range by in-band registration (XEP-0077); existing accounts are kept.")
final class RegisterCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target;

    @Spec
    CommandSpec spec;

    @Option(names = "--concurrency", defaultValue = "16",
            description = "Registrations in flight (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--max-seconds", defaultValue = "240",
            description = "Bound of the whole run (default: ${DEFAULT-VALUE}).")
    int maxSeconds;

    @Override
    public Integer call() throws InterruptedException {
        spec.commandLine().getOut().println(target.describe());
        try (ClientLauncher launcher = target.launcher()) {
            Report report = new RegisterScenario(launcher, target.userRange(), concurrency,
                    Duration.ofSeconds(maxSeconds)).run();
            report.print(spec.commandLine().getOut());
            return "0".equals(report.valueOrNull("errors")) ? 0 : 1;
        }
    }
}
