package org.xmppd.dist;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What a command may touch of the outside world, passed in so that tests run commands with their
 * own streams and directories.
 *
 * @param home    the install directory ({@code xmppd.home}, set by {@code bin/xmppd}); the default
 *                configuration is {@code <home>/conf/xmppd.yml}
 * @param stdin   where a password is read from when there is no terminal
 * @param stdout  normal output
 * @param stderr  one-line error messages
 * @param console the terminal for password prompts without echo, or null when stdin is not one
 */
public record CliEnvironment(Path home, InputStream stdin, PrintStream stdout, PrintStream stderr,
        Console console) {

    /** The system property {@code bin/xmppd} sets to the install directory. */
    public static final String HOME_PROPERTY = "xmppd.home";

    /** The real process: system streams, {@code xmppd.home} or the working directory. */
    static CliEnvironment system() {
        Path home = Path.of(System.getProperty(HOME_PROPERTY, "."));
        return new CliEnvironment(home, System.in, System.out, System.err, System.console());
    }

    /** The configuration file used when {@code --config} is not given. */
    Path defaultConfigFile() {
        return home.resolve("conf").resolve("xmppd.yml");
    }
}
