package org.xmppd.load.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xmppd.load.client.ClientLauncher;
import org.xmppd.server.TestServer;

/** The pubsub scenario through the wire against xmppd with its PubSub module. */
class PubSubScenarioTest {
    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    private static UserRange users;

    @BeforeAll
    static void accounts() throws Exception {
        users = ScenarioServer.createUsers(SERVER, 8);
    }

    private static Report run(String service, int subscribers, StringWriter progress) throws Exception {
        PubSubScenario.Options options = new PubSubScenario.Options(service, subscribers, "t", 4,
                Duration.ofSeconds(20), ScenarioServer.oneStep(10), Duration.ofSeconds(60), 16);
        try (ClientLauncher launcher = ScenarioServer.launcher(SERVER)) {
            return new PubSubScenario(launcher, users, options, Probes.none(), new PrintWriter(progress)).run();
        }
    }

    @Test
    void everySubscriberGetsEveryItem() throws Exception {
        StringWriter progress = new StringWriter();
        Report report = run("pubsub.localhost", 8, progress);
        assertEquals("8", report.valueOrNull("subscribed"), report.line("RESULT"));
        assertEquals("0", report.valueOrNull("subscribe_errors"));
        assertEquals("10", report.valueOrNull("max_rate_passing"), report.line("RESULT"));
        assertEquals("0", report.valueOrNull("lost_at_max"));
        assertEquals("0", report.valueOrNull("bounced"));
        String step = progress.toString().lines().filter(l -> l.startsWith("STEP scenario=pubsub")).findFirst()
                .orElseThrow();
        long sent = Long.parseLong(step.replaceAll(".* sent=(\\d+) .*", "$1"));
        assertTrue(sent >= 19, step);
        assertTrue(step.contains(" expected=" + sent * 8 + " delivered=" + sent * 8 + " lost=0 "), step);
    }

    @Test
    void aServiceThatIsNotThereIsNamedInTheNote() throws Exception {
        Report report = run("nowhere.localhost", 2, new StringWriter());
        assertEquals("0", report.valueOrNull("max_rate_passing"));
        assertTrue(report.valueOrNull("note").startsWith("node creation refused: "), report.valueOrNull("note"));
    }

    @Test
    void fewerAccountsThanSubscribersIsRefused() {
        PubSubScenario.Options options = new PubSubScenario.Options("pubsub.localhost", 9, "t", 4,
                Duration.ofSeconds(20), ScenarioServer.oneStep(10), Duration.ofSeconds(60), 16);
        try (ClientLauncher launcher = ScenarioServer.launcher(SERVER)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new PubSubScenario(launcher, users, options, Probes.none(), new PrintWriter(new StringWriter())));
            assertEquals("pubsub needs an account per subscriber: --users 8 < --subscribers 9", e.getMessage());
        }
    }
}
