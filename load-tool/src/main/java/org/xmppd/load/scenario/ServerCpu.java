package org.xmppd.load.scenario;

import java.util.Optional;
import org.xmppd.load.stats.ServerProcess;

/** The server's CPU time between two moments; NaN everywhere when no server pid was given. */
final class ServerCpu {
    private final Optional<ServerProcess> server;
    private final double startMillis;

    private ServerCpu(Optional<ServerProcess> server) {
        this.server = server;
        this.startMillis = server.map(ServerProcess::cpuMillis).orElse(Double.NaN);
    }

    static ServerCpu start(Optional<ServerProcess> server) {
        return new ServerCpu(server);
    }

    /** Milliseconds of server CPU since {@link #start}. */
    double elapsedMillis() {
        return server.map(s -> s.cpuMillis() - startMillis).orElse(Double.NaN);
    }

    /** Milliseconds of server CPU per operation since {@link #start}; NaN for zero operations. */
    double perOperation(long operations) {
        return operations == 0 ? Double.NaN : elapsedMillis() / operations;
    }
}
