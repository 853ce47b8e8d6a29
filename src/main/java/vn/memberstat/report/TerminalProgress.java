package vn.memberstat.report;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar a stage on a terminal (standard error): done, rate and time left, drawn by {@code progressbar}. */
public final class TerminalProgress implements ProgressDisplay {
    private volatile ProgressBar bar;

    /** Only on a terminal: elsewhere the library writes carriage-return frames into one endless line. */
    public static boolean available() {
        String term = System.getenv("TERM");
        return System.console() != null && term != null && !term.isBlank() && !term.equals("dumb");
    }

    @Override
    public synchronized void stageStarted(String stage, long total, String unit) {
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName(String.format("%-9s", stage))
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setUpdateIntervalMillis(250)
                .continuousUpdate();
        if (!unit.isEmpty()) {
            builder.setUnit(" " + unit, 1).showSpeed();
        }
        bar = builder.build();
    }

    @Override
    public void advance(long done) {
        ProgressBar b = bar;
        if (b != null) {
            b.stepBy(done);
        }
    }

    @Override
    public synchronized void stageEnded(String stage, String status) {
        ProgressBar b = bar;
        bar = null;
        if (b != null) {
            if (b.getMax() < 0) {
                b.maxHint(b.getCurrent());   // an open-ended stage ends full
            } else if (status.equals("COMPLETED")) {
                b.stepTo(b.getMax());
            }
            b.close();
        }
    }
}
