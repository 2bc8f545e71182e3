package org.xmppd.load.scenario;

/**
 * The timestamp a scenario puts in what it sends (a body, a pubsub item): {@code lt <run> <step>
 * <nanoTime>}, optionally followed by padding. Sender and receiver live in this process, so
 * {@link System#nanoTime} differences are end-to-end latencies, and the run id keeps stale
 * stanzas of older runs (offline messages, room history, node items) out of the figures.
 */
final class LatencyMark {
    /** A mark read back: the step it was sent in and when. */
    record Parsed(int step, long sentNanos) {
    }

    private final String runId;

    LatencyMark(String runId) {
        if (runId.isEmpty() || runId.contains(" ")) {
            throw new IllegalArgumentException("a run id is one non-empty word: '" + runId + "'");
        }
        this.runId = runId;
    }

    /** A run id unlikely to repeat: the start time in base 36. */
    static LatencyMark forNewRun() {
        return new LatencyMark(Long.toString(System.currentTimeMillis(), 36));
    }

    /** Padding to append after the timestamp: a space and {@code chars} x's, or nothing. */
    static String padding(int chars) {
        return chars == 0 ? "" : " " + "x".repeat(chars);
    }

    String runId() {
        return runId;
    }

    /** The text up to the timestamp; append {@link System#nanoTime} (and padding) to it. */
    String prefix(int step) {
        return "lt " + runId + " " + step + " ";
    }

    /** The mark in {@code text}, or null when the text is not a mark of this run. */
    Parsed parseOrNull(String text) {
        String[] parts = text.split(" ", 5);
        if (parts.length < 4 || !parts[0].equals("lt") || !parts[1].equals(runId)) {
            return null;
        }
        try {
            return new Parsed(Integer.parseInt(parts[2]), Long.parseLong(parts[3]));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
