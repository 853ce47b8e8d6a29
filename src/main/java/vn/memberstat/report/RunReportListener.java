package vn.memberstat.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.duckdb.WorkingWarehouse;
import vn.memberstat.run.RunContext;

/**
 * Keeps {@code runs/<date>/report.json} as the run goes: an attempt added when the job starts, a stage's figures
 * when it ends, the run's totals and breakdowns when the job ends. The command adds the exit code last
 * ({@link RunReportFinish}). Also puts the run date and attempt into the log's context, so every log line of
 * the run carries them.
 */
public final class RunReportListener implements JobExecutionListener, StepExecutionListener {
    public static final String MDC_RUN = "run";
    private static final Logger log = LoggerFactory.getLogger(RunReportListener.class);
    private final RunReports reports;
    private final WorkingWarehouse warehouse;
    private RunReport report;

    public RunReportListener(RunReports reports, WorkingWarehouse warehouse) {
        this.reports = reports;
        this.warehouse = warehouse;
    }

    @Override
    public void beforeJob(JobExecution job) {
        String date = job.getJobParameters().getString(RunContext.RUN_DATE);
        report = RunReportFinish.begin(reports, date);
        MDC.put(MDC_RUN, date + " attempt " + report.attempts);
        write();
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        RunReport.StageFigures s = new RunReport.StageFigures();
        s.status = step.getStatus().name();
        s.seconds = step.getStartTime() == null ? null : seconds(step.getStartTime());
        s.done = step.getStepName().equals("pull") || step.getStepName().equals("normalise") ? step.getReadCount() : null;
        s.unit = step.getStepName().equals("pull") ? "files" : step.getStepName().equals("normalise") ? "rows" : null;
        s.written = step.getWriteCount() > 0 ? step.getWriteCount() : null;
        s.attempt = report.attempts;
        s.error = step.getFailureExceptions().isEmpty() ? null : MemberstatException.describe(step.getFailureExceptions().get(0));
        report.steps.put(step.getStepName(), s);
        report.lastAttempt().stepsRun.add(step.getStepName());
        write();
        return null;
    }

    @Override
    public void afterJob(JobExecution job) {
        ExecutionContext c = job.getExecutionContext();
        report.outcome = job.getStatus().name();
        report.filesPulled = count(c, "files_pulled");
        report.filesRefused = count(c, "files_refused");
        report.rowsRead = count(c, "rows_read");
        report.rowsLoaded = count(c, "rows_loaded");
        report.rowsQuarantined = count(c, "rows_quarantined");
        report.rowsDuplicate = count(c, "rows_duplicate");
        report.rowsRetried = count(c, "rows_retried");
        report.findings = count(c, "findings");
        report.findingsError = count(c, "findings_error");
        report.publishedBytes = count(c, "published_bytes");
        try {
            ReportQueries.fill(warehouse.connection(), report);
        } catch (RuntimeException e) {   // a run that failed may have no warehouse to ask: its report goes without
            log.warn("run report: no breakdowns by rule and reason ({})", MemberstatException.describe(e));
        }
        report.lastAttempt().outcome = report.outcome;
        write();
        MDC.remove(MDC_RUN);
    }

    private static Long count(ExecutionContext c, String key) {
        return c.containsKey(key) ? c.getLong(key) : null;
    }

    static double seconds(LocalDateTime from) {
        return Duration.between(from, LocalDateTime.now()).toMillis() / 1000.0;
    }

    private void write() {
        try {
            reports.write(report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run report " + reports.path(report.runDate) + ": " + e.getMessage(), e);
        }
    }
}
