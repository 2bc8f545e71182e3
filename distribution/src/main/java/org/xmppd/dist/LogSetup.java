package org.xmppd.dist;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;

/**
 * Configures logback, the one piece of process-wide state there is, from the composition root.
 *
 * <p>The server reads {@code conf/logback.xml} with two properties set from the command line and
 * {@code xmppd.yml}: {@value #LOG_DIR_PROPERTY} ({@code log_dir}, absolute) and
 * {@value #CONSOLE_LEVEL_PROPERTY} ({@code INFO} in the foreground, {@code OFF} as a daemon whose
 * console is a file). The other commands log only errors, to stderr, so their output stays
 * one line.
 */
final class LogSetup {
    /** Where {@code conf/logback.xml} writes {@code xmppd.log}. */
    static final String LOG_DIR_PROPERTY = "xmppd.log.dir";
    /** Threshold of the console appender in {@code conf/logback.xml}. */
    static final String CONSOLE_LEVEL_PROPERTY = "xmppd.console.level";

    private LogSetup() {
    }

    /** Logging of {@code run}: {@code logbackXml} with the log directory and console level set. */
    static void forServer(Path logbackXml, Path logDir, boolean console) throws CliFailure {
        LoggerContext context = contextOrNull();
        if (context == null) {
            return;
        }
        if (!Files.isReadable(logbackXml)) {
            throw new CliFailure(logbackXml + ": no such file (the logging configuration)");
        }
        long since = System.currentTimeMillis();
        context.reset();
        context.putProperty(LOG_DIR_PROPERTY, logDir.toString());
        context.putProperty(CONSOLE_LEVEL_PROPERTY, console ? "INFO" : "OFF");
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(logbackXml.toFile());
        } catch (JoranException e) {
            throw new CliFailure(logbackXml + ": " + e.getMessage(), e);
        }
        if (new StatusUtil(context).getHighestLevel(since) >= Status.ERROR) {
            throw new CliFailure(logbackXml + ": invalid logging configuration: "
                    + firstError(context));
        }
    }

    /**
     * Logging of the other commands: errors only, to {@code stderr}. Library warnings (Flyway on
     * every open, say) would bury the one line a command prints; its own failure says enough.
     */
    static void forCommand(OutputStream stderr) {
        LoggerContext context = contextOrNull();
        if (context == null) {
            return;
        }
        context.reset();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("xmppd: %level %logger{0}: %msg%n");
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setName("stderr");
        appender.setEncoder(encoder);
        // Logback closes an appender's stream on reset; stderr must outlive it.
        appender.setOutputStream(new FilterOutputStream(stderr) {
            @Override
            public void close() throws IOException {
                flush();
            }
        });
        appender.setImmediateFlush(true);
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.ERROR);
        root.addAppender(appender);
    }

    private static LoggerContext contextOrNull() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        return factory instanceof LoggerContext context ? context : null;
    }

    private static String firstError(LoggerContext context) {
        for (Status status : context.getStatusManager().getCopyOfStatusList()) {
            if (status.getLevel() >= Status.ERROR) {
                return status.getMessage();
            }
        }
        return "see the logback documentation";
    }
}
