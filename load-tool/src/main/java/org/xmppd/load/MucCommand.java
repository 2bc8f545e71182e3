package org.xmppd.load;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.xmppd.load.client.ClientLauncher;
import org.xmppd.load.scenario.MucScenario;
import org.xmppd.load.scenario.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code muc}: the highest groupchat rate over many rooms whose p99 delivery latency stays within the bound. */
@Command(name = "muc", mixinStandardHelpOptions = true,
        description = "Fill rooms on the MUC service (XEP-0045), then random occupants send groupchat messages at "
                + "stepped rates; figures are per delivery (one per occupant of the room).")
final class MucCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target;

    @Mixin
    StepOptions steps;

    @Spec
    CommandSpec spec;

    @Option(names = "--rooms", defaultValue = "20", description = "Rooms (default: ${DEFAULT-VALUE}).")
    int rooms;

    @Option(names = "--occupants", defaultValue = "50",
            description = "Occupants per room; rooms x occupants clients log in, from --users accounts "
                    + "(default: ${DEFAULT-VALUE}).")
    int occupants;

    @Option(names = "--service", description = "MUC service JID (default: conference.<domain>).")
    String service;

    @Option(names = "--room-prefix", defaultValue = "load",
            description = "Rooms are <prefix>-<run>-<n>@<service> (default: ${DEFAULT-VALUE}).")
    String roomPrefix;

    @Option(names = "--join-timeout-seconds", defaultValue = "60",
            description = "Time all occupants may take to enter their rooms (default: ${DEFAULT-VALUE}).")
    int joinTimeoutSeconds;

    @Option(names = "--rates", split = ",", defaultValue = "10,25,50,100,150,200,300,400",
            description = "Aggregate groupchat msg/s per step (each fans out to a room) (default: ${DEFAULT-VALUE}).")
    List<Integer> rates;

    @Override
    public Integer call() throws InterruptedException {
        String muc = service == null ? "conference." + target.domain : service;
        spec.commandLine().getOut().println(target.describe() + ", " + rooms + " rooms x " + occupants
                + " occupants on " + muc);
        MucScenario.Options options = new MucScenario.Options(muc, rooms, occupants, roomPrefix,
                steps.loginConcurrency, Duration.ofSeconds(joinTimeoutSeconds), steps.plan(rates), steps.maxTime(),
                steps.seed, steps.bodyPadding);
        try (ClientLauncher launcher = target.launcher()) {
            Report report = new MucScenario(launcher, target.userRange(), options, target.probes(),
                    spec.commandLine().getOut()).run();
            report.print(spec.commandLine().getOut());
            return "0".equals(report.valueOrNull("max_rate_passing")) ? 1 : 0;
        }
    }
}
