package org.xmppd.dist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a new password: prompted twice without echo on a terminal, otherwise the first line of
 * standard input, so scripts can pipe it in ({@code echo secret | bin/xmppd adduser ...}) and it
 * never appears in the process list.
 */
final class PasswordReader {
    private final CliEnvironment env;

    PasswordReader(CliEnvironment env) {
        this.env = env;
    }

    /** The password for {@code jid}; a failure when none or two different ones were given. */
    String read(String jid) throws CliFailure {
        return env.console() != null ? prompt(jid) : firstLine();
    }

    private String prompt(String jid) throws CliFailure {
        char[] first = env.console().readPassword("Password for %s: ", jid);
        char[] second = first == null ? null : env.console().readPassword("Repeat password: ");
        try {
            if (first == null || second == null || first.length == 0) {
                throw new CliFailure("no password given");
            }
            if (!Arrays.equals(first, second)) {
                throw new CliFailure("the passwords do not match");
            }
            return new String(first);
        } finally {
            wipe(first);
            wipe(second);
        }
    }

    private String firstLine() throws CliFailure {
        // Not closed: closing would close the caller's stdin.
        BufferedReader reader = new BufferedReader(
                new InputStreamReader(env.stdin(), StandardCharsets.UTF_8));
        String line;
        try {
            line = reader.readLine();
        } catch (IOException e) {
            throw new CliFailure("cannot read the password from standard input: " + e.getMessage(), e);
        }
        if (line == null || line.isEmpty()) {
            throw new CliFailure("no password given on standard input");
        }
        return line;
    }

    private static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
