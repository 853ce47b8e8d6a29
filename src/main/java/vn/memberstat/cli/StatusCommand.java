package vn.memberstat.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.job.NightlyJobConfig;
import vn.memberstat.run.RunContext;
import vn.memberstat.job.RunLock;
import vn.memberstat.report.RunReport;
import vn.memberstat.report.RunReports;

/** {@code status}: the recent runs from the job repository, newest first. */
final class StatusCommand {
    static final String USAGE = """
            usage: memberstat status [options]
            recent runs, newest first: outcome, rows, findings, time per step

              --home DIR               the state directory (default $MEMBERSTAT_HOME, else ./data)
              --json                   the runs as JSON (default a table)
              --limit N                at most N runs (default 20)
            each run as its report holds it (memberstat runs show DATE): --json gives them whole, newest first
            """;

    private static final List<String> COUNTS = List.of("files_pulled", "files_refused", "rows_read", "rows_loaded",
            "rows_quarantined", "rows_duplicate", "findings", "findings_error");
    private final PrintStream out;

    StatusCommand(PrintStream out) {
        this.out = out;
    }

    int run(Options options) {
        options.allow("home", "json", "limit");
        Path home = options.home();
        int limit = options.intValue("limit", 20);
        if (limit < 1) {
            throw new MemberstatException(ErrorCode.USAGE, "--limit must be 1 or more, not " + limit);
        }
        if (!Files.isDirectory(home.resolve("jobrepo"))) {
            if (options.flag("json")) {
                out.println("[]");
            } else {
                out.println("no runs yet in " + home);
            }
            return 0;
        }
        RunReports reports = new RunReports(home);
        List<String> dates = reports.dates();
        if (dates.stream().allMatch(d -> Files.isRegularFile(reports.path(d)))) {
            // every run left its report: read them, and start nothing else (no application, no job repository)
            return printReports(dates.stream().limit(limit).map(d -> RunsCommand.read(reports, home, d)).toList(),
                    options.flag("json"), home);
        }
        List<Map<String, Object>> runs = new ArrayList<>();   // runs of a version that wrote no reports
        try (ConfigurableApplicationContext context = Cli.start(home, null, options.settings())) {
            JobRepository repository = context.getBean(JobRepository.class);
            // a run the repository still marks running, while no live process holds the home, died (kill -9, power)
            boolean holderGone = RunLock.holderGone(home);
            for (JobInstance instance : repository.getJobInstances(NightlyJobConfig.JOB_NAME, 0, limit)) {
                List<JobExecution> executions = repository.getJobExecutions(instance);
                if (executions.isEmpty()) {
                    continue;
                }
                JobExecution last = executions.get(0);
                for (JobExecution e : executions) {
                    if (e.getId() > last.getId()) {
                        last = e;
                    }
                }
                runs.add(describe(last, executions.size(), holderGone));
            }
        }
        if (options.flag("json")) {
            try {
                out.println(new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .writerWithDefaultPrettyPrinter().writeValueAsString(runs));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("cannot write status as JSON", e);
            }
            return 0;
        }
        return printTable(runs.stream().map(r -> new Line(r.get("run_date"),
                Boolean.TRUE.equals(r.get("died")) ? "DIED" : r.get("outcome"), List.of(n(r, "rows_read"), n(r, "rows_loaded"),
                n(r, "rows_quarantined"), n(r, "rows_duplicate"), n(r, "findings")), stepsText(r), (int) r.get("attempts"))).toList(),
                home);
    }

    private int printReports(List<RunReport> runs, boolean json, Path home) {
        if (json) {
            out.println(RunReports.json(runs));
            return 0;
        }
        List<Line> lines = new ArrayList<>();
        for (RunReport r : runs) {
            List<String> parts = new ArrayList<>();
            // as before reports: the steps of the last attempt (the report keeps every step, with its attempt)
            r.steps.forEach((name, step) -> {
                if (step.attempt == r.attempts) {
                    parts.add(name + " " + (step.seconds == null ? step.status : "%.2f".formatted(step.seconds))
                    + (step.status.equals("FAILED") ? " FAILED" : "") + (step.error == null ? "" : " (" + step.error + ")"));
                }
            });
            lines.add(new Line(r.runDate, r.died ? "DIED" : r.outcome, List.of(n(r.rowsRead), n(r.rowsLoaded),
                    n(r.rowsQuarantined), n(r.rowsDuplicate), n(r.findings)), String.join(", ", parts), r.attempts));
        }
        return printTable(lines, home);
    }

    /** One run as the table shows it, whichever source it came from. */
    private record Line(Object runDate, Object outcome, List<String> counts, String steps, int attempts) {
    }

    private int printTable(List<Line> lines, Path home) {
        if (lines.isEmpty()) {
            out.println("no runs yet in " + home);
            return 0;
        }
        String format = "%-10s  %-9s  %8s  %8s  %8s  %8s  %8s  %s%n";
        out.printf(format, "date", "outcome", "read", "loaded", "quarant.", "duplic.", "findings", "time per step (s)");
        for (Line l : lines) {
            out.printf(format, l.runDate(), l.outcome(), l.counts().get(0), l.counts().get(1), l.counts().get(2),
                    l.counts().get(3), l.counts().get(4),
                    l.steps() + (l.attempts() > 1 ? "  (attempt %d: the steps it ran)".formatted(l.attempts()) : ""));
        }
        return 0;
    }

    private static String n(Long v) {
        return v == null ? "-" : v.toString();
    }

    private static Map<String, Object> describe(JobExecution e, int attempts, boolean holderGone) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("run_date", e.getJobParameters().getString(RunContext.RUN_DATE));
        r.put("outcome", e.getStatus().name());
        r.put("died", e.getStatus().isRunning() && holderGone);
        r.put("attempts", attempts);
        r.put("started_at", e.getStartTime() == null ? null : e.getStartTime().toString());
        r.put("ended_at", e.getEndTime() == null ? null : e.getEndTime().toString());
        ExecutionContext c = e.getExecutionContext();
        for (String key : COUNTS) {
            r.put(key, c.containsKey(key) ? c.getLong(key) : null);
        }
        Map<String, Object> steps = new LinkedHashMap<>();
        for (StepExecution s : e.getStepExecutions()) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("status", s.getStatus().name());
            step.put("seconds", s.getStartTime() == null || s.getEndTime() == null ? null
                    : Duration.between(s.getStartTime(), s.getEndTime()).toMillis() / 1000.0);
            if (!s.getFailureExceptions().isEmpty()) {
                step.put("error", MemberstatException.describe(s.getFailureExceptions().get(0)));
            } else if (s.getStatus() == BatchStatus.FAILED) {
                // a run in another process: its error as the step recorded it, else the first line of Spring Batch's
                String recorded = s.getExecutionContext().containsKey(NightlyJobConfig.STEP_ERROR)
                        ? s.getExecutionContext().getString(NightlyJobConfig.STEP_ERROR) : null;
                String description = s.getExitStatus().getExitDescription();
                step.put("error", recorded != null ? recorded
                        : description == null || description.isBlank() ? null : description.lines().findFirst().orElse(null));
            }
            steps.put(s.getStepName(), step);
        }
        r.put("steps", steps);
        return r;
    }

    private static String n(Map<String, Object> r, String key) {
        Object v = r.get(key);
        return v == null ? "-" : v.toString();
    }

    @SuppressWarnings("unchecked")
    private static String stepsText(Map<String, Object> r) {
        List<String> parts = new ArrayList<>();
        ((Map<String, Object>) r.get("steps")).forEach((name, v) -> {
            Map<String, Object> step = (Map<String, Object>) v;
            Object seconds = step.get("seconds");
            parts.add(name + " " + (seconds == null ? step.get("status") : "%.2f".formatted((Double) seconds))
                    + (step.get("status").equals("FAILED") ? " FAILED" : "")
                    + (step.get("error") == null ? "" : " (" + step.get("error") + ")"));
        });
        return String.join(", ", parts);
    }
}
