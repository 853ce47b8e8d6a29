package vn.memberstat.report;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress as plain lines, for cron, systemd and pipes, where a bar would be one endless line of carriage
 * returns: a line when a stage starts, one at most every {@link #EVERY_NANOS} while it runs, one when it ends.
 */
public final class LineProgress implements ProgressDisplay {
    static final long EVERY_NANOS = 30_000_000_000L;
    private final PrintStream out;
    private final AtomicLong done = new AtomicLong();
    private volatile String stage;
    private volatile String unit;
    private volatile long total;
    private volatile long started;
    private volatile long lastLine;

    public LineProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void stageStarted(String stage, long total, String unit) {
        this.stage = stage;
        this.total = total;
        this.unit = unit;
        done.set(0);
        started = System.nanoTime();
        lastLine = started;
        out.println("memberstat: " + stage + " started" + (total >= 0 ? ", " + total + " " + unit + " to do" : ""));
    }

    @Override
    public void advance(long n) {
        long now = System.nanoTime();
        long d = done.addAndGet(n);
        if (now - lastLine >= EVERY_NANOS) {
            synchronized (this) {
                if (now - lastLine >= EVERY_NANOS) {
                    lastLine = now;
                    out.println("memberstat: " + stage + " " + Rate.describe(d, total, unit, now - started));
                }
            }
        }
    }

    @Override
    public synchronized void stageEnded(String stage, String status) {
        long d = done.get();
        out.printf("memberstat: %s %s in %.1f s%s%n", stage, status.equals("COMPLETED") ? "done" : status,
                (System.nanoTime() - started) / 1e9, d > 0 ? ", " + d + " " + unit : "");
    }
}
