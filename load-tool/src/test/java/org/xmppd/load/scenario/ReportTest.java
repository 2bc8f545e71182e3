package org.xmppd.load.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ReportTest {
    @Test
    void resultLineKeepsOrderAndHasNoSpacesInValues() {
        Report report = Report.builder("login").put("logins", 200).put("p99_ms", Double.POSITIVE_INFINITY, 2)
                .put("cpu", 0.12345, 3).put("error_reasons", "3x timeout in phase AUTH").note("time bound").build();
        assertEquals("RESULT scenario=login logins=200 p99_ms=inf cpu=0.123 error_reasons=3x_timeout_in_phase_AUTH"
                + " note=time_bound", report.line("RESULT"));
        assertEquals("0.123", report.valueOrNull("cpu"));
    }

    @Test
    void printsFiguresThenTheResultLine() {
        StringWriter text = new StringWriter();
        Report.builder("idle").put("established", 500).put("server_rss_kib_per_conn", Double.NaN, 2).build()
                .print(new PrintWriter(text));
        String[] lines = text.toString().split("\n");
        assertEquals("== idle ==", lines[0]);
        assertTrue(lines[1].matches("established +500"), lines[1]);
        assertTrue(lines[2].matches("server_rss_kib_per_conn +n/a"), lines[2]);
        assertEquals("RESULT scenario=idle established=500 server_rss_kib_per_conn=n/a", lines[3]);
    }
}
