package org.xmppd.dist;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One command line run in-process with its own streams, as {@code bin/xmppd} would run it.
 *
 * @param status the exit status
 * @param out    what went to stdout
 * @param err    what went to stderr
 */
record CliRun(int status, String out, String err) {

    /** Runs {@code args} with {@code home} as the install directory and {@code stdin} as input. */
    static CliRun run(Path home, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliEnvironment env = new CliEnvironment(home,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), null);
        int status = Main.execute(env, args);
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "exit " + status + "\nstdout: " + out + "\nstderr: " + err;
    }
}
