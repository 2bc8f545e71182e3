package org.xmppd.sint;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The results of a SINT run by specification, judged against the expected failures. */
final class Report {
    private final List<TestOutcome> outcomes;
    private final ListedTests expected;
    private final ListedTests races;

    Report(List<TestOutcome> outcomes, ListedTests expected, ListedTests races) {
        this.outcomes = List.copyOf(outcomes);
        this.expected = expected;
        this.races = races;
    }

    /** Failures not on the expected list: these fail the build. */
    List<TestOutcome> unexpectedFailures() {
        return outcomes.stream().filter(o -> o.status() == TestOutcome.Status.FAILED)
                .filter(o -> expected.reasonFor(o) == null).toList();
    }

    /** Listed tests that ran and passed everywhere they ran: their lines can go. */
    List<String> nowPassing() {
        List<String> passing = new ArrayList<>();
        for (String entry : expected.entries().keySet()) {
            List<TestOutcome> matching = outcomes.stream()
                    .filter(o -> o.key().equals(entry) || o.method().equals(entry)).toList();
            if (!matching.isEmpty() && matching.stream().allMatch(o -> o.status() == TestOutcome.Status.PASSED)) {
                passing.add(entry);
            }
        }
        return passing;
    }

    /** Listed tests that did not run at all (renamed, skipped, or filtered out). */
    List<String> notRun() {
        return expected.entries().keySet().stream()
                .filter(entry -> outcomes.stream().noneMatch(o -> o.key().equals(entry) || o.method().equals(entry)))
                .toList();
    }

    void print(PrintStream out) {
        out.println();
        out.println("SINT results by specification");
        out.printf("  %-28s %7s %7s %8s %8s%n", "specification", "passed", "failed", "expected", "skipped");
        Map<String, int[]> bySpecification = new TreeMap<>();
        int[] total = new int[4];
        for (TestOutcome outcome : outcomes) {
            int[] counts = bySpecification.computeIfAbsent(outcome.specification(), s -> new int[4]);
            int column = switch (outcome.status()) {
                case PASSED, PASSED_ON_RETRY -> 0;
                case FAILED -> expected.reasonFor(outcome) == null ? 1 : 2;
                case SKIPPED -> 3;
            };
            counts[column]++;
            total[column]++;
        }
        bySpecification.forEach((specification, counts) -> row(out, specification, counts));
        row(out, "total", total);
        out.println("  (failed: not on sint/expected-failures.txt; expected: failed as listed there;"
                + " skipped: not possible on this server)");
        section(out, "Unexpected failures (these fail the build):", unexpectedFailures().stream()
                .map(o -> o.key() + "  " + o.detail()).toList());
        section(out, "Expected failures:", outcomes.stream()
                .filter(o -> o.status() == TestOutcome.Status.FAILED && expected.reasonFor(o) != null)
                .map(o -> o.key() + "  [" + expected.reasonFor(o) + "]  " + o.detail()).toList());
        section(out, "Failed, then passed when run again (races listed in sint/known-races.txt):", outcomes.stream()
                .filter(o -> o.status() == TestOutcome.Status.PASSED_ON_RETRY)
                .map(o -> o.key() + "  [" + races.reasonFor(o) + "]  first run: " + o.detail()).toList());
        section(out, "Listed as failing but passed now; remove from sint/expected-failures.txt:", nowPassing());
        section(out, "Listed as failing but did not run:", notRun());
    }

    private static void row(PrintStream out, String name, int[] counts) {
        out.printf("  %-28s %7d %7d %8d %8d%n", name, counts[0], counts[1], counts[2], counts[3]);
    }

    private static void section(PrintStream out, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.println();
        out.println(title);
        lines.forEach(line -> out.println("  " + line));
    }
}
