package vn.memberstat.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.status.OnConsoleStatusListener;
import ch.qos.logback.core.status.StatusListener;
import ch.qos.logback.core.status.StatusManager;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the logging framework's own complaints off the console: when the log file cannot be written (a full
 * disk), logback reported every failed write with a stack trace through a console status listener, hundreds of
 * lines on standard error that a cron job mails, where the command says what happened in one line. A log file
 * that cannot be opened at all (a directory in its place, no permission) is replaced by standard error, warnings
 * and errors only.
 */
final class QuietLogging {
    private QuietLogging() {}

    /** Whether the log file can be opened for appending (created if missing). */
    static boolean canAppend(Path file) {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** {@code toStandardError}: the log file could not be opened; warnings and errors go to standard error instead. */
    static void apply(boolean toStandardError) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        StatusManager statuses = context.getStatusManager();
        for (StatusListener listener : statuses.getCopyOfStatusListenerList()) {
            if (listener instanceof OnConsoleStatusListener) {
                statuses.remove(listener);
            }
        }
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        if (toStandardError && root.getAppender("STDERR") == null) {
            root.addAppender(standardError(context));
        }
    }

    private static Appender<ILoggingEvent> standardError(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("memberstat: %level [%X{run:-}] %logger{20}: %msg%n");
        encoder.start();
        ThresholdFilter warnings = new ThresholdFilter();
        warnings.setLevel(Level.WARN.toString());
        warnings.start();
        ConsoleAppender<ILoggingEvent> err = new ConsoleAppender<>();
        err.setContext(context);
        err.setName("STDERR");
        err.setTarget("System.err");
        err.setEncoder(encoder);
        err.addFilter(warnings);
        err.start();
        return err;
    }
}
