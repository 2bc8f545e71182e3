package org.xmppd.load;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.xmppd.load.client.ClientLauncher;
import org.xmppd.load.client.ClientSettings;
import org.xmppd.load.client.Mechanism;
import org.xmppd.load.client.Security;
import org.xmppd.load.client.SourceAddresses;
import org.xmppd.load.scenario.Probes;
import org.xmppd.load.scenario.UserRange;
import org.xmppd.load.stats.ServerProcess;
import picocli.CommandLine.Option;

/** The options every scenario shares: which server, which accounts, how to connect. */
final class TargetOptions {
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Server address (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "5222", description = "c2s port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--domain", defaultValue = "localhost", description = "XMPP domain (default: ${DEFAULT-VALUE}).")
    String domain;

    @Option(names = "--user-pattern", defaultValue = "user%d",
            description = "Username pattern with one %%d (default: ${DEFAULT-VALUE}).")
    String userPattern;

    @Option(names = "--first-user", defaultValue = "1", description = "First user number (default: ${DEFAULT-VALUE}).")
    int firstUser;

    @Option(names = "--users", defaultValue = "1000",
            description = "Provisioned users in the range (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--password", defaultValue = "bench-password",
            description = "Password of every user (default: ${DEFAULT-VALUE}).")
    String password;

    @Option(names = "--tls", defaultValue = "STARTTLS",
            description = "STARTTLS or NONE (plaintext; the server must allow it) (default: ${DEFAULT-VALUE}).")
    Security security;

    @Option(names = "--mechanism", defaultValue = "SCRAM_SHA_1",
            description = "SCRAM_SHA_1 or PLAIN (default: ${DEFAULT-VALUE}).")
    Mechanism mechanism;

    @Option(names = "--sources", defaultValue = "8",
            description = "Connect from 127.0.0.1..127.0.0.N; 0 lets the kernel choose (default: ${DEFAULT-VALUE}).")
    int sources;

    @Option(names = "--io-threads", defaultValue = "1",
            description = "NIO processor threads of the load tool (default: ${DEFAULT-VALUE}).")
    int ioThreads;

    @Option(names = "--timeout-seconds", defaultValue = "30",
            description = "Time a connection may take to log in or register (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--server-pid", description = "Pid of the server process, for CPU and memory figures.")
    Long serverPid;

    @Option(names = "--clock-ticks", defaultValue = "100",
            description = "USER_HZ of /proc/<pid>/stat, see getconf CLK_TCK (default: ${DEFAULT-VALUE}).")
    int clockTicks;

    ClientLauncher launcher() {
        ClientSettings settings = new ClientSettings(new InetSocketAddress(host, port), domain, security, mechanism,
                Duration.ofSeconds(timeoutSeconds));
        return new ClientLauncher(settings, SourceAddresses.loopback(sources), ioThreads);
    }

    UserRange userRange() {
        return new UserRange(userPattern, firstUser, users, password);
    }

    Optional<ServerProcess> server() {
        return Optional.ofNullable(serverPid).map(pid -> new ServerProcess(pid, Path.of("/proc"), clockTicks));
    }

    /** The server (given its pid) and this process, when Linux /proc is there to read them. */
    Probes probes() {
        Optional<ServerProcess> self = Files.isDirectory(Path.of("/proc/self"))
                ? Optional.of(new ServerProcess(ProcessHandle.current().pid(), Path.of("/proc"), clockTicks))
                : Optional.empty();
        return new Probes(server(), self);
    }

    /** One line naming the target, printed before the figures. */
    String describe() {
        return "target " + host + ":" + port + " domain " + domain + ", tls " + security + ", " + mechanism
                + ", users " + userRange().username(0) + ".." + userRange().username(users - 1)
                + (serverPid == null ? "" : ", server pid " + serverPid);
    }
}
