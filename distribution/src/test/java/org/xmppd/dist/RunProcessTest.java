package org.xmppd.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code xmppd run} as its own process, the way {@code bin/xmppd start} runs it: the pid file
 * appears once it listens, the account commands meet the locked database with a clear message,
 * and SIGTERM stops it gracefully.
 */
class RunProcessTest {
    private static final long START_TIMEOUT_MS = 60_000;

    @TempDir
    Path home;

    @Test
    void daemonWritesPidFileLocksTheDatabaseAndStopsOnSigterm() throws Exception {
        Path conf = Files.createDirectories(home.resolve("conf"));
        Files.writeString(conf.resolve("xmppd.yml"), """
                listeners:
                  c2s: {address: 127.0.0.1, port: 0}
                  c2s_direct_tls: {address: 127.0.0.1, port: 0}
                """);
        Files.copy(Path.of("..", "conf", "logback.xml"), conf.resolve("logback.xml"));
        Path pidFile = home.resolve("run").resolve("xmppd.pid");
        Process server = new ProcessBuilder(List.of(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                "-D" + CliEnvironment.HOME_PROPERTY + "=" + home, Main.class.getName(),
                "run", "--daemon", "--pid-file", pidFile.toString()))
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("console.out").toFile())
                .start();
        try {
            awaitPidFile(server, pidFile);
            assertEquals(String.valueOf(server.pid()), Files.readString(pidFile).strip());
            assertTrue(Files.readString(home.resolve("logs").resolve("xmppd.log")).contains("serving [localhost]"));

            CliRun adduser = CliRun.run(home, "secret\n", "adduser", "alice@localhost");
            assertEquals(1, adduser.status(), adduser.toString());
            assertEquals("xmppd: the database is in use by a running server: " + home.resolve("data")
                    + " (stop it with 'bin/xmppd stop' first)" + System.lineSeparator(), adduser.err());
        } finally {
            server.destroy();
        }
        assertTrue(server.waitFor(30, TimeUnit.SECONDS), "stopped within 30 s of SIGTERM");
        assertFalse(Files.exists(pidFile), "pid file removed on shutdown");
        assertEquals("", Files.readString(home.resolve("console.out")), "a daemon logs to its file only");
        assertTrue(Files.readString(home.resolve("logs").resolve("xmppd.log")).contains("xmppd stopped"));
        assertEquals(0, CliRun.run(home, "secret\n", "adduser", "alice@localhost").status(),
                "the database is free again");
    }

    private static void awaitPidFile(Process server, Path pidFile) throws InterruptedException, IOException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (!Files.exists(pidFile)) {
            assertTrue(server.isAlive(), "server exited early with " + (server.isAlive() ? "" : server.exitValue()));
            assertTrue(System.currentTimeMillis() < deadline, "no pid file after " + START_TIMEOUT_MS + " ms");
            // Polling a file the child writes: there is no other signal across processes.
            Thread.sleep(50);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
