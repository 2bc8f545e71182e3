package org.xmppd.storage.redis;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A throw-away {@code redis-server} on a free port that a test can stop, freeze and start again
 * on the same port; without persistence, or with an append-only file in its directory so what
 * it held survives a restart (a Redis that went away and came back). Public for server-core's
 * end-to-end outage tests (storage's test jar).
 */
public final class RedisServerProcess {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final long POLL_MS = 20;

    private final int port;
    private final Path dir;
    private final boolean persistent;
    private Process process;

    private RedisServerProcess(int port, Path dir, boolean persistent) {
        this.port = port;
        this.dir = dir;
        this.persistent = persistent;
    }

    /** Whether {@code redis-server} is an executable on the PATH. */
    public static boolean available() {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(File.pathSeparator)).stream()
                .anyMatch(entry -> Files.isExecutable(Path.of(entry, "redis-server")));
    }

    /** Starts a server on a free port, logging into {@code dir}; it keeps nothing across restarts. */
    public static RedisServerProcess start(Path dir) throws IOException, InterruptedException {
        return start(dir, false);
    }

    /**
     * Starts a server on a free port that keeps its data in an append-only file in {@code dir}
     * (fsync on every write), so a stop and start loses nothing.
     */
    public static RedisServerProcess startPersistent(Path dir) throws IOException, InterruptedException {
        return start(dir, true);
    }

    private static RedisServerProcess start(Path dir, boolean persistent) throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        RedisServerProcess server = new RedisServerProcess(port, dir, persistent);
        server.start();
        return server;
    }

    public int port() {
        return port;
    }

    /** Starts (again) on the same port and returns once it answers PING. */
    public void start() throws IOException, InterruptedException {
        process = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", persistent ? "yes" : "no", "--appendfsync", "always",
                "--dir", dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile()))
                .start();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!answersPing()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IOException("redis-server on port " + port + " did not start; see " + dir.resolve("redis.log"));
            }
            Thread.sleep(POLL_MS);
        }
    }

    /** Stops the server (SIGTERM) and waits for it to exit. */
    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** Freezes (SIGSTOP) or thaws (SIGCONT) the server: it keeps accepting TCP connections but answers nothing. */
    public void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + signal + " " + process.pid() + " failed");
        }
    }

    /** Kills the server if it runs. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return "+PONG\r\n".equals(new String(reply, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return false;
        }
    }
}
