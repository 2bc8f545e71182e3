package org.xmppd.load.scenario;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The figures of one scenario run, in order: printed for people ({@code key  value} lines) and
 * once more as one {@code RESULT key=value ...} line that scripts (bench/run.sh) parse.
 */
public final class Report {
    private final String scenario;
    private final Map<String, String> values;
    private final List<String> order;

    private Report(String scenario, Map<String, String> values) {
        this.scenario = scenario;
        this.values = Map.copyOf(values);
        this.order = List.copyOf(values.keySet());
    }

    public static Builder builder(String scenario) {
        return new Builder(scenario);
    }

    public String scenario() {
        return scenario;
    }

    /** The value under {@code key}, as printed, or null. */
    public String valueOrNull(String key) {
        return values.get(key);
    }

    /** Writes the figures, then the {@code RESULT} line. */
    public void print(PrintWriter out) {
        out.println("== " + scenario + " ==");
        for (String key : order) {
            out.printf("%-28s %s%n", key, values.get(key));
        }
        out.println(line("RESULT"));
        out.flush();
    }

    /** {@code prefix scenario=<name> key=value ...}, values without spaces. */
    public String line(String prefix) {
        StringBuilder line = new StringBuilder(prefix).append(" scenario=").append(scenario);
        for (String key : order) {
            line.append(' ').append(key).append('=').append(values.get(key).replace(' ', '_'));
        }
        return line.toString();
    }

    /** Formats a figure: infinity as "inf", else with {@code decimals} decimals. */
    public static String number(double value, int decimals) {
        if (Double.isInfinite(value)) {
            return "inf";
        }
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** Collects figures in the order they are put. */
    public static final class Builder {
        private final String scenario;
        private final Map<String, String> values = new LinkedHashMap<>();
        private final List<String> notes = new ArrayList<>();

        private Builder(String scenario) {
            this.scenario = Objects.requireNonNull(scenario, "scenario");
        }

        public Builder put(String key, String value) {
            values.put(key, Objects.requireNonNull(value, key));
            return this;
        }

        public Builder put(String key, long value) {
            return put(key, Long.toString(value));
        }

        public Builder put(String key, double value, int decimals) {
            return put(key, number(value, decimals));
        }

        /** A remark (why a run stopped early...), printed as the {@code note} figure. */
        public Builder note(String note) {
            notes.add(note);
            return this;
        }

        public Report build() {
            Map<String, String> all = new LinkedHashMap<>(values);
            if (!notes.isEmpty()) {
                all.put("note", String.join("; ", notes));
            }
            return new Report(scenario, all);
        }
    }
}
