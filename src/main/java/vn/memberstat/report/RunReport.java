package vn.memberstat.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one nightly run did, as {@code <home>/runs/<date>/report.json} holds it: rewritten as the run goes (after
 * each step), so a run that died leaves the figures of the steps it finished. Every attempt of the date adds to it.
 * The top-level figures keep the names {@code status --json} has always given.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public final class RunReport {
    public String runDate;
    /** STARTED while it runs (or when it died), then COMPLETED, FAILED or INTERRUPTED. */
    public String outcome;
    /** Set when read, not stored: the report says STARTED and no live process holds the home. */
    public boolean died;
    /** The nightly command's exit code; null while running. */
    public Integer exitCode;
    /** Why the last attempt failed, in words. */
    public String error;
    public int attempts;
    public String startedAt;
    public String endedAt;
    /** Wall seconds of the last attempt. */
    public Double seconds;
    public Long filesPulled;
    public Long filesRefused;
    public Long rowsRead;
    public Long rowsLoaded;
    public Long rowsQuarantined;
    public Long rowsDuplicate;
    public Long rowsRetried;
    public Long findings;
    public Long findingsError;
    public Long publishedBytes;
    /** Each stage as it last ran, in the job's order. */
    public Map<String, StageFigures> steps = new LinkedHashMap<>();
    public Map<String, RuleFindings> findingsByRule = new LinkedHashMap<>();
    public Map<String, Long> refusedFilesByReason = new LinkedHashMap<>();
    public Map<String, Long> quarantinedRowsByReason = new LinkedHashMap<>();
    /** Every attempt of the date, first to last. */
    public List<Attempt> attemptHistory = new ArrayList<>();

    /** One stage: its status, seconds, what it counted, and which attempt ran it. */
    public static final class StageFigures {
        public String status;
        public Double seconds;
        /** Files (pull, normalise's input) or rows the stage took; null when it counts nothing. */
        public Long done;
        public String unit;
        public Long written;
        public int attempt;
        public String error;
    }

    public static final class RuleFindings {
        public String severity;
        public long count;

        public RuleFindings() {}

        public RuleFindings(String severity, long count) {
            this.severity = severity;
            this.count = count;
        }
    }

    /** One start of the date's run: when, how it ended, and the steps it ran. */
    public static final class Attempt {
        public int attempt;
        public String startedAt;
        public String endedAt;
        public String outcome;
        public Integer exitCode;
        public List<String> stepsRun = new ArrayList<>();
        public String error;
    }

    /** The last attempt (a report always has one once written). */
    public Attempt lastAttempt() {
        return attemptHistory.get(attemptHistory.size() - 1);
    }
}
