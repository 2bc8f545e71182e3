package org.xmppd.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmppd.server.config.ConfigLoader;
import org.xmppd.server.config.ServerConfig;
import org.xmppd.storage.StorageException;

/**
 * Issue 3: with rosters in Redis and Redis unavailable at start, the start fails with one clear
 * line naming the address, and leaves nothing locked behind.
 */
class RedisUnavailableStartTest {
    @TempDir
    Path home;

    private int closedPort;
    private String yaml;

    @BeforeEach
    void pickClosedPort() throws IOException {
        // A port just released: nothing listens there (a refused connection, not a timeout).
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        yaml = """
                listeners:
                  c2s: {address: 127.0.0.1, port: 0}
                  c2s_direct_tls: {enabled: false}
                storage:
                  stores: {roster: redis, presence: redis}
                  redis: {host: 127.0.0.1, port: %d, timeout_ms: 500}
                """.formatted(closedPort);
    }

    @Test
    void bootstrapFailsNamingTheRedisAddress() throws Exception {
        ServerConfig config = ConfigLoader.parse(yaml, "test.yml");
        StorageException failure = assertThrows(StorageException.class, () -> new Bootstrap(config, home).start());
        assertTrue(failure.getMessage().startsWith("Redis at 127.0.0.1:" + closedPort + " is unreachable"),
                failure.getMessage());
        // The H2 part opened first was closed again: the database is free for the next start.
        ServerConfig h2Only = ConfigLoader.parse("""
                listeners:
                  c2s: {address: 127.0.0.1, port: 0}
                  c2s_direct_tls: {enabled: false}
                """, "test.yml");
        try (RunningServer retry = new Bootstrap(h2Only, home).start()) {
            assertTrue(retry.server().boundAddress("c2s") != null);
        }
    }

    @Test
    void runCommandPrintsOneLineNamingTheRedisAddress() throws Exception {
        Path conf = Files.createDirectories(home.resolve("conf"));
        Files.writeString(conf.resolve("xmppd.yml"), yaml);
        Files.copy(Path.of("..", "conf", "logback.xml"), conf.resolve("logback.xml"));

        CliRun run = CliRun.run(home, "", "run", "--daemon");

        assertEquals(1, run.status(), run.toString());
        String expected = "xmppd: cannot open storage: Redis at 127.0.0.1:" + closedPort + " is unreachable";
        assertTrue(run.err().startsWith(expected), run.toString());
        assertEquals(1, run.err().lines().count(), "one line: " + run);
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run);
        String log = Files.readString(home.resolve("logs").resolve("xmppd.log"));
        assertTrue(log.contains("Redis at 127.0.0.1:" + closedPort + " is unreachable"), log);
    }
}
