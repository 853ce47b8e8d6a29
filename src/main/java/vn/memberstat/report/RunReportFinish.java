package vn.memberstat.report;

import java.io.IOException;
import java.time.LocalDateTime;

/**
 * The start and the end of an attempt in a run's report: the start when the job starts, the end (exit code,
 * outcome, error) when the command knows it, also for a run that could not start or was interrupted.
 */
public final class RunReportFinish {
    private RunReportFinish() {}

    /** The date's report with a new attempt that has just started. */
    public static RunReport begin(RunReports reports, String date) {
        RunReport report = reports.read(date).orElseGet(() -> {
            RunReport r = new RunReport();
            r.runDate = date;
            return r;
        });
        RunReport.Attempt attempt = new RunReport.Attempt();
        attempt.attempt = report.attemptHistory.size() + 1;
        attempt.startedAt = LocalDateTime.now().toString();
        attempt.outcome = "STARTED";
        report.attemptHistory.add(attempt);
        report.attempts = attempt.attempt;
        report.startedAt = attempt.startedAt;
        report.endedAt = null;
        report.seconds = null;
        report.outcome = "STARTED";
        report.exitCode = null;
        report.error = null;
        return report;
    }

    /**
     * Ends the last attempt with the command's exit code. {@code started}: whether the job started this attempt
     * (and the report has it); if not, one is added here, ended at once.
     */
    public static RunReport finish(RunReports reports, String date, boolean started, String outcome, int exitCode,
            String error) throws IOException {
        RunReport report = started ? reports.read(date).orElseGet(() -> begin(reports, date)) : begin(reports, date);
        RunReport.Attempt attempt = report.lastAttempt();
        attempt.endedAt = LocalDateTime.now().toString();
        attempt.outcome = outcome;
        attempt.exitCode = exitCode;
        attempt.error = error;
        report.outcome = outcome;
        report.exitCode = exitCode;
        report.error = error;
        report.endedAt = attempt.endedAt;
        report.seconds = RunReportListener.seconds(LocalDateTime.parse(attempt.startedAt));
        reports.write(report);
        return report;
    }
}
