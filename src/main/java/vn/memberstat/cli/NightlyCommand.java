package vn.memberstat.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.slf4j.MDC;
import org.springframework.context.ConfigurableApplicationContext;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.FileProblem;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.job.CompletedRuns;
import vn.memberstat.job.NightlyLauncher;
import vn.memberstat.job.RunLock;
import vn.memberstat.report.FailureAlert;
import vn.memberstat.report.LineProgress;
import vn.memberstat.report.ProgressDisplay;
import vn.memberstat.report.RunReportFinish;
import vn.memberstat.report.RunReportListener;
import vn.memberstat.report.RunReports;
import vn.memberstat.report.TerminalProgress;
import vn.memberstat.run.RunNotes;

/** {@code nightly}: one run under the home's lock, then a summary on standard output. */
final class NightlyCommand {
    /** A time to the second, seconds always written (LocalDateTime.toString() leaves out ":00"). */
    static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final String USAGE = """
            usage: memberstat nightly [options]
            pull new submissions from the inbox, check, normalise, lake, load, derive, check quality, publish

              --home DIR               the state directory (default $MEMBERSTAT_HOME, else ./data)
              --inbox DIR              where units drop their files (default $MEMBERSTAT_INBOX, else sample-input)
              --date YYYY-MM-DD        the run date (default today); a completed date does nothing new
              --allow-earlier          run a date earlier than the latest completed run (refused otherwise)
              --quiet                  the summary only (no progress)
              --on-failure CMD         when the run fails, run CMD with the run report's path (setting on-failure)
              --fail-on-findings error a completed run with error findings exits 8 (warning: any finding)
              --memberstat.NAME=VALUE  a setting for this run (memberstat help lists them)
            """;

    /** Notes printed in the summary; the rest are in the run's notes.txt. */
    static final int NOTES_SHOWN = 20;
    private final PrintStream out;
    private final PrintStream err;

    NightlyCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Options options) {
        options.allow("home", "inbox", "date", "allow-earlier", "quiet", "on-failure", "fail-on-findings");
        Path home = options.home();
        Path inbox = Path.of(options.get("inbox", envOr("MEMBERSTAT_INBOX", "sample-input"))).toAbsolutePath().normalize();
        LocalDate date = options.date(LocalDate.now());
        String failOn = setting(options, "fail-on-findings");
        if (failOn != null && !failOn.equals("error") && !failOn.equals("warning")) {
            throw new MemberstatException(ErrorCode.USAGE, "--fail-on-findings '" + failOn + "' is not error or warning");
        }
        String onFailure = setting(options, "on-failure");
        prepareHome(home);
        RunReports reports = new RunReports(home);
        ProgressDisplay display = options.flag("quiet") ? ProgressDisplay.NONE
                : TerminalProgress.available() ? new TerminalProgress() : new LineProgress(out);
        long started = System.nanoTime();
        java.time.LocalDateTime since = java.time.LocalDateTime.now();
        vn.memberstat.job.WarmUp.start();
        try (RunLock lock = RunLock.acquire(home);
                Interruption interruption = Interruption.watch(err, () -> finish(reports, date, since, "INTERRUPTED", 130, "interrupted"))) {
            MDC.put(RunReportListener.MDC_RUN, date.toString());
            Ending ending;
            try (ConfigurableApplicationContext context = Cli.start(home, inbox, options.settings(), display)) {
                context.getBean(CompletedRuns.class).refuseEarlier(date, options.flag("allow-earlier"));
                NightlyLauncher.Launch launch = context.getBean(NightlyLauncher.class).run(date, inbox);
                JobExecution execution = launch.execution();
                if (launch.alreadyCompleted()) {
                    out.println("memberstat nightly " + date + ": already completed at " + SECONDS.format(execution.getEndTime())
                            + "; nothing new was done (new files are taken by the next date's run)");
                    return 0;
                }
                printSummary(home, date, launch, Duration.ofNanos(System.nanoTime() - started));
                ending = ending(execution, failOn);
            } catch (MemberstatException e) {
                if (e.code() == ErrorCode.USAGE) {
                    throw e;   // a setting that cannot be used: nothing ran
                }
                ending = new Ending(DiskFull.is(e) ? ErrorCode.HOME_UNWRITABLE.exitCode() : e.code().exitCode(), e, e.getMessage(), false);
            } catch (RuntimeException e) {   // closing the application after a failure (a full disk) can fail too
                ending = new Ending(DiskFull.is(e) ? ErrorCode.HOME_UNWRITABLE.exitCode() : ErrorCode.RUN_FAILED.exitCode(), e,
                        MemberstatException.describe(e));
            } finally {
                MDC.remove(RunReportListener.MDC_RUN);
            }
            Path report = finish(reports, date, since, ending.failure() == null ? "COMPLETED" : "FAILED", ending.code(), ending.message());
            printFailure(home, inbox, date, ending);
            if (ending.code() != 0 && onFailure != null) {
                FailureAlert.run(onFailure, report, err);
            }
            return ending.code();
        }
    }

    /**
     * How a run ended: its exit code, its failure (null for a completed run) and the words for both; {@code started}
     * false when the application or the job could not start (the message says so in full).
     */
    private record Ending(int code, Throwable failure, String message, boolean started) {
        Ending(int code, Throwable failure, String message) {
            this(code, failure, message, true);
        }
    }

    private static Ending ending(JobExecution execution, String failOn) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            ExecutionContext c = execution.getExecutionContext();
            long errors = c.getLong("findings_error", 0L);
            long all = c.getLong("findings", 0L);
            long counted = "error".equals(failOn) ? errors : "warning".equals(failOn) ? all : 0;
            return counted == 0 ? new Ending(0, null, null) : new Ending(ErrorCode.FINDINGS.exitCode(), null,
                    "completed with %d %s findings (--fail-on-findings %s)".formatted(counted, failOn.equals("error") ? "error"
                            : "error or warning", failOn));
        }
        Throwable failure = firstFailure(execution);
        String message = failure == null ? execution.getExitStatus().toString() : MemberstatException.describe(failure);
        return new Ending(DiskFull.is(failure) ? ErrorCode.HOME_UNWRITABLE.exitCode() : exitCode(failure),
                failure == null ? new IllegalStateException(message) : failure, message);
    }

    private void printFailure(Path home, Path inbox, LocalDate date, Ending ending) {
        if (ending.code() == 0) {
            return;
        }
        if (ending.failure() == null) {
            err.println("memberstat: nightly " + date + " " + ending.message());
        } else if (DiskFull.is(ending.failure())) {
            err.println("memberstat: " + DiskFull.message(home, inbox, date.toString()));   // one line, all it takes
        } else if (!ending.started()) {
            err.println("memberstat: " + ending.message());
        } else {
            err.println("memberstat: nightly " + date + " FAILED: " + ending.message());
            err.println("memberstat: fix the cause and run again with --date " + date + " to restart from the failed step"
                    + " (details: " + home.resolve("logs").resolve("memberstat.log") + ")");
        }
    }

    /** Ends the date's report with the exit code; a report that cannot be written (a full disk) keeps what it had. */
    private static Path finish(RunReports reports, LocalDate date, java.time.LocalDateTime since, String outcome, int code,
            String message) {
        String d = date.toString();
        try {
            // the job began an attempt in this process: it has no exit code yet, and started after the command
            boolean started = reports.read(d).filter(r -> !r.attemptHistory.isEmpty() && r.lastAttempt().exitCode == null
                    && !java.time.LocalDateTime.parse(r.lastAttempt().startedAt).isBefore(since)).isPresent();
            RunReportFinish.finish(reports, d, started, outcome, code, message);
        } catch (IOException | java.io.UncheckedIOException e) {
            // the alert still gets the path; the report holds the run as far as it could be written
        }
        return reports.path(d);
    }

    /** An option of this command, else its setting ({@code --memberstat.NAME=}), else {@code $MEMBERSTAT_NAME}. */
    private static String setting(Options options, String name) {
        String value = options.values().get(name);
        for (String s : options.settings()) {
            if (value == null && s.startsWith("--memberstat." + name + "=")) {
                value = s.substring(s.indexOf('=') + 1);
            }
        }
        if (value == null) {
            value = System.getenv("MEMBERSTAT_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
        return value == null || value.isBlank() ? null : value;
    }

    static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /**
     * The home and the directories the application opens at start (job repository, log): a file in the way
     * would otherwise surface as H2's or logback's own stack trace on standard error.
     */
    static void prepareHome(Path home) {
        for (Path dir : List.of(home, home.resolve("jobrepo"), home.resolve("logs"))) {
            String what = dir.equals(home) ? "home " + dir : dir.toString();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new MemberstatException(ErrorCode.HOME_UNWRITABLE, "cannot create " + what + ": " + FileProblem.reason(e), e);
            }
        }
        if (!Files.isWritable(home)) {
            throw new MemberstatException(ErrorCode.HOME_UNWRITABLE, "home " + home + " is not writable");
        }
    }

    private void printSummary(Path home, LocalDate date, NightlyLauncher.Launch launch, Duration wall) {
        JobExecution execution = launch.execution();
        ExecutionContext c = execution.getExecutionContext();
        out.printf("memberstat nightly %s: %s in %.1f s%s%n", date, execution.getStatus(), wall.toMillis() / 1000.0,
                launch.restarted() ? " (restarted" + (launch.recovered() ? " after a run that died" : "") + ")" : "");
        if (c.containsKey("rows_read")) {
            out.printf("  files    pulled %d, refused %d%n", c.getLong("files_pulled"), c.getLong("files_refused"));
            out.printf("  rows     read %d = loaded %d + quarantined %d + duplicate %d%n", c.getLong("rows_read"),
                    c.getLong("rows_loaded"), c.getLong("rows_quarantined"), c.getLong("rows_duplicate"));
            if (c.getLong("rows_retried", 0L) > 0) {
                out.printf("  retried  %d rows quarantined by earlier runs now load%n", c.getLong("rows_retried"));
            }
        }
        if (c.containsKey("findings")) {
            long errors = c.getLong("findings_error");
            out.printf("  quality  %d findings of this run (%d error, %d warning)%n", c.getLong("findings"), errors,
                    c.getLong("findings") - errors);
        }
        List<String> steps = new ArrayList<>();
        for (StepExecution s : execution.getStepExecutions()) {
            if (s.getStartTime() != null && s.getEndTime() != null) {
                steps.add("%s %.2f s".formatted(s.getStepName(), Duration.between(s.getStartTime(), s.getEndTime()).toMillis() / 1000.0));
            }
        }
        out.println("  steps    " + String.join(", ", steps));
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            out.println("  warehouse " + home.resolve("warehouse.duckdb") + (c.containsKey("published_bytes")
                    ? " (%s, %s written)".formatted(megabytes(c.getLong("published_bytes")), megabytes(c.getLong("published_bytes_written")))
                    : ""));
        }
        RejectsHint.print(out, home, date.toString(), c);
        Path notesFile = home.resolve("runs").resolve(date.toString()).resolve("notes.txt");
        // a night can note thousands of files (a folder copied twice, a disk that lost a directory): the summary stays short
        RunNotes.Shown notes = RunNotes.first(notesFile, NOTES_SHOWN);
        notes.first().forEach(note -> out.println("  note     " + note));
        if (notes.total() > NOTES_SHOWN) {
            out.printf("  note     ... and %d more, all %d in %s%n", notes.total() - NOTES_SHOWN, notes.total(), notesFile);
        }
    }

    private static String megabytes(long bytes) {
        return "%.1f MB".formatted(bytes / 1e6);
    }

    static Throwable firstFailure(JobExecution execution) {
        for (StepExecution s : execution.getStepExecutions()) {
            if (!s.getFailureExceptions().isEmpty()) {
                return s.getFailureExceptions().get(0);
            }
        }
        return execution.getAllFailureExceptions().isEmpty() ? null : execution.getAllFailureExceptions().get(0);
    }

    static int exitCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MemberstatException m && m.code() != ErrorCode.STORAGE) {
                return m.code().exitCode();
            }
            if (t instanceof IOException || t instanceof java.io.UncheckedIOException) {
                String message = t.getMessage() == null ? "" : t.getMessage();
                if (message.contains("No space left") || message.contains("Permission denied") || message.contains("Read-only")) {
                    return ErrorCode.HOME_UNWRITABLE.exitCode();
                }
            }
        }
        return ErrorCode.RUN_FAILED.exitCode();
    }
}
