package vn.memberstat.cli;

import java.io.PrintStream;

/**
 * Ctrl-C (or a TERM) during a nightly run: says how to go on and lets {@code onInterrupt} record it; the JVM then
 * exits as the signal asks (130 for Ctrl-C). What the run committed stays; the same --date resumes the rest.
 */
final class Interruption implements AutoCloseable {
    static final String MESSAGE = "memberstat: interrupted; run again with the same --date to resume";
    private final Thread hook;
    private volatile boolean over;

    private Interruption(PrintStream err, Runnable onInterrupt) {
        hook = new Thread(() -> {
            if (!over) {
                err.println(MESSAGE);
                err.flush();
                onInterrupt.run();
            }
        }, "interrupted");
    }

    static Interruption watch(PrintStream err, Runnable onInterrupt) {
        Interruption i = new Interruption(err, onInterrupt);
        Runtime.getRuntime().addShutdownHook(i.hook);
        return i;
    }

    /** The run ended by itself: an exit from here on is no interruption. */
    @Override
    public void close() {
        over = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already: the hook sees over and says nothing
        }
    }
}
