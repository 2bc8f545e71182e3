package org.xmppd.sint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tests named in a list such as {@code expected-failures.txt} or {@code known-races.txt}: one
 * {@code TestClass.method reason} per line, {@code #} starts a comment. An entry without
 * {@code [connection]} covers the test on every connection type.
 */
final class ListedTests {
    private final Map<String, String> reasons;

    private ListedTests(Map<String, String> reasons) {
        this.reasons = Map.copyOf(reasons);
    }

    static ListedTests read(Path file) throws IOException {
        Map<String, String> reasons = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            if (parts.length < 2 || !parts[0].contains(".")) {
                throw new IOException(file + ":" + (i + 1) + ": expected 'TestClass.method  reason'");
            }
            if (reasons.put(parts[0], parts[1]) != null) {
                throw new IOException(file + ":" + (i + 1) + ": " + parts[0] + " is listed twice");
            }
        }
        return new ListedTests(reasons);
    }

    /** The reason listed for {@code outcome}'s test, or null when it is not listed. */
    String reasonFor(TestOutcome outcome) {
        String exact = reasons.get(outcome.key());
        return exact != null ? exact : reasons.get(outcome.method());
    }

    /** Every listed entry. */
    Map<String, String> entries() {
        return reasons;
    }
}
