package org.xmppd.load.scenario;

import java.util.Objects;
import java.util.Optional;
import org.xmppd.load.stats.ServerProcess;

/**
 * The processes whose CPU and memory a scenario reports: the server (when its pid is known) and
 * this load tool itself. The tool's own CPU per operation shows when the generator, not the
 * server, is the limit: then throughput says little, but server CPU per operation still holds.
 */
public record Probes(Optional<ServerProcess> server, Optional<ServerProcess> tool) {
    public Probes {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(tool, "tool");
    }

    /** No measurement at all (tests, non-Linux). */
    public static Probes none() {
        return new Probes(Optional.empty(), Optional.empty());
    }
}
