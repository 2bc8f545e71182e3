package org.xmppd.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppd.server.config.ServerConfig;
import org.xmppd.storage.StorageException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code xmppd run}: runs the server in the foreground until SIGTERM or Ctrl-C, which stop it
 * gracefully (clients get {@code system-shutdown}).
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Run the server in the foreground until stopped (Ctrl-C).")
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    private final CliEnvironment env;

    @Mixin
    private ConfigOption config = new ConfigOption();

    @Option(names = "--daemon",
            description = "Log to the log file only, not the console (bin/xmppd start uses this).")
    private boolean daemon;

    @Option(names = "--pid-file", paramLabel = "FILE", description = "Write the process id to "
            + "FILE once connections are accepted; removed again on shutdown.")
    private Path pidFile;

    RunCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws CliFailure {
        ConfigOption.LoadedConfig loaded = config.load(env);
        Bootstrap bootstrap = new Bootstrap(loaded.config(), loaded.installDir());
        ServerConfig resolved = bootstrap.config();
        LogSetup.forServer(loaded.logbackFile(), Path.of(resolved.logDir()), !daemon);
        LOG.info("Configuration {}", loaded.file().toAbsolutePath());
        RunningServer running = start(bootstrap, resolved);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Shutting down");
            running.close();
            deletePidFile();
            stopped.countDown();
        }, "xmppd-shutdown"));
        writePidFile();
        awaitShutdown(stopped);
        return 0;
    }

    private RunningServer start(Bootstrap bootstrap, ServerConfig resolved) throws CliFailure {
        try {
            return bootstrap.start();
        } catch (IOException e) {
            throw logged(new CliFailure("cannot start: " + withRootCause(e), e));
        } catch (StorageException e) {
            throw logged(new CliFailure(
                    StorageFailures.describe(e, Path.of(resolved.dataDir())), e));
        } catch (IllegalArgumentException e) {
            // Thrown for a storage key naming an unknown backend; the message names the key.
            throw logged(new CliFailure(config.file(env) + ": " + e.getMessage(), e));
        }
    }

    /**
     * The log file is all a daemon's admin sees, so a failed start goes there too; as one line,
     * since the failure is an expected one (a port in use, a database locked).
     */
    private static CliFailure logged(CliFailure failure) {
        LOG.error("{}", failure.getMessage());
        return failure;
    }

    /** MINA reports "Error while binding"; the reason ("Address already in use") is its cause. */
    private static String withRootCause(Exception failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = String.valueOf(failure.getMessage());
        if (root == failure || root.getMessage() == null || message.contains(root.getMessage())) {
            return message;
        }
        return message + ": " + root.getMessage();
    }

    private void writePidFile() throws CliFailure {
        if (pidFile == null) {
            return;
        }
        try {
            Path parent = pidFile.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            // Written whole then moved, so bin/xmppd never reads half a number.
            Path partial = Files.createTempFile(parent, "xmppd", ".pid");
            Files.writeString(partial, ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
            Files.move(partial, pidFile, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw logged(new CliFailure("cannot write the pid file " + pidFile + ": " + e.getMessage(), e));
        }
    }

    private void deletePidFile() {
        if (pidFile == null) {
            return;
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            LOG.warn("Cannot delete the pid file {}: {}", pidFile, e.getMessage());
        }
    }

    private static void awaitShutdown(CountDownLatch stopped) {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // Only the JVM's own shutdown interrupts this thread; the hook does the closing.
            Thread.currentThread().interrupt();
        }
    }
}
