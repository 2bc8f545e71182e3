package org.xmppd.sint;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.igniterealtime.smack.inttest.AbstractSmackIntTest;

/**
 * {@code SintMain INSTALL_DIR WORK_DIR EXPECTED_FAILURES [CLASSES]}: starts the xmppd installed in
 * INSTALL_DIR, runs the SINT test classes (all, or the comma-separated simple names in CLASSES),
 * stops the server and prints the results. A failed test listed in {@code known-races.txt}
 * (beside EXPECTED_FAILURES) is run once more, and counts as passed if it passes then. Exit status 0 when every failure is an expected one,
 * 1 when some test failed unexpectedly, 2 when the run could not be set up.
 */
public final class SintMain {
    /** How long SINT waits for a reply or an event; short, as everything runs on one machine. */
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);
    /** A run of one class that takes longer than this is considered hung. */
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

    private SintMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        if (args.length < 3) {
            out.println("usage: SintMain INSTALL_DIR WORK_DIR EXPECTED_FAILURES [CLASSES]");
            return 2;
        }
        Path install = Path.of(args[0]).toAbsolutePath().normalize();
        Path work = Path.of(args[1]).toAbsolutePath().normalize();
        try {
            ListedTests expected = ListedTests.read(Path.of(args[2]));
            ListedTests races = ListedTests.read(Path.of(args[2]).resolveSibling("known-races.txt"));
            List<Class<? extends AbstractSmackIntTest>> classes = selected(args.length > 3 ? args[3] : "");
            recreate(work);
            logTo(work.resolve("sint.log"));
            out.println("SINT: " + classes.size() + " test classes against " + install + " (SINT log: "
                    + work.resolve("sint.log") + ")");
            List<TestOutcome> outcomes = runAll(install, work, classes, races, out);
            Report report = new Report(outcomes, expected, races);
            report.print(out);
            try (PrintStream file = new PrintStream(work.resolve("results.txt").toFile(), StandardCharsets.UTF_8)) {
                report.print(file);
            }
            return report.unexpectedFailures().isEmpty() ? 0 : 1;
        } catch (SetupException e) {
            out.println("sint: " + e.getMessage());
            return 2;
        } catch (IOException | GeneralSecurityException e) {
            out.println("sint: " + e);
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("sint: interrupted");
            return 2;
        }
    }

    private static List<TestOutcome> runAll(Path install, Path work,
            List<Class<? extends AbstractSmackIntTest>> classes, ListedTests races, PrintStream out)
            throws IOException, SetupException, GeneralSecurityException, InterruptedException {
        List<TestOutcome> outcomes = new ArrayList<>();
        XmppdProcess server = XmppdProcess.start(install, work.resolve("server"));
        Thread stopOnExit = new Thread(() -> stopQuietly(server), "sint-stop-xmppd");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            Path trustStore = server.writeTrustStore(work.resolve("truststore.p12"));
            System.setProperty("javax.net.ssl.trustStore", trustStore.toString());
            System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
            System.setProperty("javax.net.ssl.trustStorePassword", XmppdProcess.TRUST_STORE_PASSWORD);
            SintSuite suite = new SintSuite(REPLY_TIMEOUT, RUN_TIMEOUT);
            for (Class<? extends AbstractSmackIntTest> testClass : classes) {
                long started = System.nanoTime();
                List<TestOutcome> results = new ArrayList<>();
                for (TestOutcome outcome : suite.run(testClass)) {
                    boolean race = outcome.status() == TestOutcome.Status.FAILED && races.reasonFor(outcome) != null;
                    results.add(race ? suite.retry(testClass, outcome) : outcome);
                }
                outcomes.addAll(results);
                out.printf("  %-55s %3d passed %3d failed %3d skipped  %5.1f s%n", testClass.getSimpleName(),
                        count(results, TestOutcome.Status.PASSED) + count(results, TestOutcome.Status.PASSED_ON_RETRY),
                        count(results, TestOutcome.Status.FAILED),
                        count(results, TestOutcome.Status.SKIPPED), (System.nanoTime() - started) / 1e9);
            }
        } finally {
            server.close();
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }
        out.println("xmppd log of the run: " + server.logFile());
        return outcomes;
    }

    private static long count(List<TestOutcome> outcomes, TestOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    private static List<Class<? extends AbstractSmackIntTest>> selected(String names)
            throws IOException, SetupException {
        List<Class<? extends AbstractSmackIntTest>> all = SintSuite.testClasses();
        if (names.isBlank()) {
            return all;
        }
        Set<String> wanted = Stream.of(names.split(",")).map(String::strip).collect(Collectors.toSet());
        List<Class<? extends AbstractSmackIntTest>> chosen = all.stream()
                .filter(c -> wanted.contains(c.getSimpleName())).toList();
        if (chosen.size() != wanted.size()) {
            throw new SetupException("unknown SINT test class in '" + names + "'; known: "
                    + all.stream().map(Class::getSimpleName).collect(Collectors.joining(", ")));
        }
        return chosen;
    }

    private static void stopQuietly(XmppdProcess server) {
        try {
            server.close();
        } catch (IOException e) {
            Logger.getLogger(SintMain.class.getName()).log(Level.WARNING, "could not stop xmppd", e);
        }
    }

    private static void recreate(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(dir);
    }

    /** SINT and Smack log every step through java.util.logging: to a file, not the build output. */
    private static void logTo(Path file) throws IOException {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT.%1$tL %4$s %3$s - %5$s%6$s%n");
        LogManager.getLogManager().reset();
        Handler handler = new FileHandler(file.toString());
        handler.setFormatter(new SimpleFormatter());
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        root.setLevel(Level.INFO);
    }
}
