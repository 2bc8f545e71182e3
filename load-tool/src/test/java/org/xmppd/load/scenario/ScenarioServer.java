package org.xmppd.load.scenario;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.xmppd.load.client.ClientLauncher;
import org.xmppd.load.client.ClientSettings;
import org.xmppd.load.client.Mechanism;
import org.xmppd.load.client.Security;
import org.xmppd.load.client.SourceAddresses;
import org.xmppd.server.TestServer;

/** Helpers for running scenarios through the wire against xmppd's {@link TestServer}. */
final class ScenarioServer {
    static final String PASSWORD = "load-secret";

    private ScenarioServer() {
    }

    /** Creates user1..user{count} with {@link #PASSWORD}. */
    static UserRange createUsers(TestServer server, int count) throws IOException {
        for (int i = 1; i <= count; i++) {
            server.createUser("user" + i, PASSWORD);
        }
        return new UserRange("user%d", 1, count, PASSWORD);
    }

    /** A launcher for STARTTLS + SCRAM-SHA-1 logins to the test server, as the benchmark logs in. */
    static ClientLauncher launcher(TestServer server) {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", server.c2sPort());
        return new ClientLauncher(new ClientSettings(address, TestServer.DOMAIN, Security.STARTTLS,
                Mechanism.SCRAM_SHA_1, Duration.ofSeconds(20)), SourceAddresses.loopback(0), 1);
    }

    /**
     * One step at {@code rate} for two seconds with a bound far above any delay of a busy test
     * machine: these tests check counting, not speed.
     */
    static StepPlan oneStep(int rate) {
        return new StepPlan(List.of(rate), Duration.ofSeconds(2), Duration.ofSeconds(5), 60_000, Duration.ZERO);
    }
}
