package vn.memberstat.cli;

import java.util.List;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT handled by the command instead of the JVM, for a process that stays up: the JVM's own handling
 * exits at once with 143 or 130, where a service manager expects a clean stop (exit 0) after the work under way.
 */
final class Signals {
    private Signals() {}

    static void onStop(Runnable action) {
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal.handle(new Signal(name), signal -> action.run());
            } catch (IllegalArgumentException e) {
                // the JVM keeps this signal for itself (-Xrs): its default handling stays
            }
        }
    }
}
