package org.xmppd.load;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.xmppd.load.client.ClientLauncher;
import org.xmppd.load.scenario.LoginScenario;
import org.xmppd.load.scenario.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code login}: logins per second and login latency at fixed concurrency. */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = "Connect, (STARTTLS,) SASL, bind, roster get, initial presence, close; repeat.")
final class LoginCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target;

    @Spec
    CommandSpec spec;

    @Option(names = "--concurrency", defaultValue = "32", description = "Logins in flight (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--logins", defaultValue = "5000", description = "Measured logins (default: ${DEFAULT-VALUE}).")
    int logins;

    @Option(names = "--warmup", defaultValue = "500",
            description = "Unmeasured logins run first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--max-seconds", defaultValue = "240",
            description = "Bound of the whole run (default: ${DEFAULT-VALUE}).")
    int maxSeconds;

    @Override
    public Integer call() throws InterruptedException {
        spec.commandLine().getOut().println(target.describe());
        try (ClientLauncher launcher = target.launcher()) {
            Report report = new LoginScenario(launcher, target.userRange(),
                    new LoginScenario.Options(concurrency, logins, warmup, Duration.ofSeconds(maxSeconds)),
                    target.probes()).run();
            report.print(spec.commandLine().getOut());
            return "0".equals(report.valueOrNull("logins")) ? 1 : 0;
        }
    }
}
