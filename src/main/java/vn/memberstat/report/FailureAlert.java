package vn.memberstat.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * {@code --on-failure CMD}: runs CMD through {@code /bin/sh} with the report's path as its last argument (and in
 * {@code $MEMBERSTAT_REPORT}), its output where the command's goes. Waits for it, at most {@link #LIMIT_SECONDS}:
 * an alert that hangs must not keep the next night's run locked out.
 */
public final class FailureAlert {
    static final long LIMIT_SECONDS = 300;

    private FailureAlert() {}

    /** Runs {@code command}; a failure of the alert itself is one warning line on {@code err}, never the run's exit code. */
    public static void run(String command, Path report, PrintStream err) {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command + " \"$1\"", "on-failure", report.toString())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("MEMBERSTAT_REPORT", report.toString());
        try {
            Process p = builder.start();
            if (!p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                err.println("memberstat: warning: --on-failure command still ran after " + LIMIT_SECONDS + " s and was stopped");
            } else if (p.exitValue() != 0) {
                err.println("memberstat: warning: --on-failure command exited " + p.exitValue());
            }
        } catch (IOException e) {
            err.println("memberstat: warning: cannot run the --on-failure command: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
