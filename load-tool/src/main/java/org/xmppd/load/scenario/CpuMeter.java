package org.xmppd.load.scenario;

import java.util.Optional;
import org.xmppd.load.stats.ServerProcess;

/** CPU time of the server and of the load tool between two moments; NaN for an unknown process. */
final class CpuMeter {
    private final Probes probes;
    private final double serverStart;
    private final double toolStart;

    private CpuMeter(Probes probes) {
        this.probes = probes;
        this.serverStart = millis(probes.server());
        this.toolStart = millis(probes.tool());
    }

    static CpuMeter start(Probes probes) {
        return new CpuMeter(probes);
    }

    /** Milliseconds of server CPU since {@link #start}. */
    double serverMillis() {
        return millis(probes.server()) - serverStart;
    }

    /** Milliseconds of load-tool CPU since {@link #start}. */
    double toolMillis() {
        return millis(probes.tool()) - toolStart;
    }

    double serverPerOperation(long operations) {
        return operations == 0 ? Double.NaN : serverMillis() / operations;
    }

    double toolPerOperation(long operations) {
        return operations == 0 ? Double.NaN : toolMillis() / operations;
    }

    private static double millis(Optional<ServerProcess> process) {
        return process.map(ServerProcess::cpuMillis).orElse(Double.NaN);
    }
}
