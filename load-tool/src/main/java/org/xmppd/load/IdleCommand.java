package org.xmppd.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.xmppd.load.client.ClientLauncher;
import org.xmppd.load.scenario.IdleScenario;
import org.xmppd.load.scenario.Report;
import org.xmppd.load.stats.ServerProcess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code idle}: as many authenticated idle connections as file limits allow; memory and CPU per connection. */
@Command(name = "idle", mixinStandardHelpOptions = true,
        description = "Ramp authenticated idle connections, then measure server RSS per connection and idle CPU.")
final class IdleCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target;

    @Spec
    CommandSpec spec;

    @Option(names = "--connections", defaultValue = "0",
            description = "Connections to hold; 0 = the lower open-files limit of this process and the server, "
                    + "minus --fd-margin (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--fd-margin", defaultValue = "500",
            description = "Files left for everything but connections (default: ${DEFAULT-VALUE}).")
    int fdMargin;

    @Option(names = "--concurrency", defaultValue = "64",
            description = "Logins in flight during the ramp (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--settle-seconds", defaultValue = "5", description = "Pause after the ramp (default: ${DEFAULT-VALUE}).")
    int settleSeconds;

    @Option(names = "--hold-seconds", defaultValue = "20",
            description = "Idle CPU measurement period (default: ${DEFAULT-VALUE}).")
    int holdSeconds;

    @Option(names = "--max-seconds", defaultValue = "280",
            description = "Bound of the whole run (default: ${DEFAULT-VALUE}).")
    int maxSeconds;

    @Override
    public Integer call() throws InterruptedException, IOException {
        int count = connections > 0 ? connections : defaultConnections();
        spec.commandLine().getOut().println(target.describe() + ", " + count + " connections");
        IdleScenario.Options options = new IdleScenario.Options(count, concurrency, Duration.ofSeconds(settleSeconds),
                Duration.ofSeconds(holdSeconds), Duration.ofSeconds(maxSeconds));
        try (ClientLauncher launcher = target.launcher()) {
            Report report = new IdleScenario(launcher, target.userRange(), options, target.probes()).run();
            report.print(spec.commandLine().getOut());
            return "0".equals(report.valueOrNull("established")) ? 1 : 0;
        }
    }

    /** Each connection costs one descriptor here and one in the server: the tighter limit decides. */
    private int defaultConnections() throws IOException {
        long own = ServerProcess.openFilesLimitOf(Files.readString(Path.of("/proc/self/limits")));
        long server = target.server().map(ServerProcess::openFilesLimit).orElse(-1L);
        long limit = own < 0 ? server : server < 0 ? own : Math.min(own, server);
        if (limit < 0) {
            throw new IllegalStateException("no open-files limit anywhere: give --connections");
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, limit - fdMargin));
    }
}
