package vn.memberstat.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.OnConsoleStatusListener;
import ch.qos.logback.core.status.StatusListener;
import ch.qos.logback.core.status.StatusManager;
import org.slf4j.LoggerFactory;

/**
 * Keeps the logging framework's own complaints off the console: when the log file cannot be written (a full
 * disk), logback reports every failed write with a stack trace through a console status listener, hundreds of
 * lines on standard error that a cron job mails, where the command says what happened in one line.
 */
final class QuietLogging {
    private QuietLogging() {}

    static void apply() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            StatusManager statuses = context.getStatusManager();
            for (StatusListener listener : statuses.getCopyOfStatusListenerList()) {
                if (listener instanceof OnConsoleStatusListener) {
                    statuses.remove(listener);
                }
            }
        }
    }
}
