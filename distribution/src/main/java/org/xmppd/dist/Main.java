package org.xmppd.dist;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code xmppd} command line, run by {@code bin/xmppd}: {@code run}, {@code check},
 * {@code adduser}, {@code deluser}, {@code passwd}. Exit status 0 on success, 1 with a one-line
 * reason on stderr when a command fails, 2 for a usage error.
 */
@Command(name = "xmppd", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "An XMPP server. bin/xmppd also offers start, stop and status.")
public final class Main implements Callable<Integer> {
    /** Exit status of a bug rather than an expected failure (sysexits.h EX_SOFTWARE). */
    static final int EXIT_INTERNAL_ERROR = 70;

    @Spec
    private CommandSpec spec;

    private Main() {
    }

    /** Runs the command line of the real process and exits with its status. */
    public static void main(String[] args) {
        System.exit(execute(CliEnvironment.system(), args));
    }

    /** Runs one command line in {@code env} and returns its exit status; never exits the JVM. */
    public static int execute(CliEnvironment env, String... args) {
        LogSetup.forCommand(env.stderr());
        CommandLine commandLine = new CommandLine(new Main())
                .addSubcommand(new RunCommand(env))
                .addSubcommand(new CheckCommand(env))
                .addSubcommand(new AddUserCommand(env))
                .addSubcommand(new DelUserCommand(env))
                .addSubcommand(new PasswdCommand(env))
                .addSubcommand(new HelpCommand())
                .setOut(writer(env.stdout()))
                .setErr(writer(env.stderr()))
                .setExecutionExceptionHandler(new FailureReporter());
        int status = commandLine.execute(args);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        return status;
    }

    /** Without a command: the usage, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }

    private static PrintWriter writer(OutputStream out) {
        return new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    }

    /** Expected failures as one line, bugs with their stack trace. */
    private static final class FailureReporter implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception failure, CommandLine commandLine,
                ParseResult parseResult) {
            PrintWriter err = commandLine.getErr();
            if (failure instanceof CliFailure) {
                err.println("xmppd: " + failure.getMessage());
                return CliFailure.EXIT_FAILURE;
            }
            err.println("xmppd: internal error: " + failure);
            failure.printStackTrace(err);
            return EXIT_INTERNAL_ERROR;
        }
    }

    /** The version recorded in the jar manifest by the build. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"xmppd " + (version == null ? "(development build)" : version)};
        }
    }
}
