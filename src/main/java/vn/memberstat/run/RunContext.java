package vn.memberstat.run;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.batch.core.scope.context.ChunkContext;

/**
 * One nightly run: its date (the run id), the inbox, and where its files live. The run directory
 * holds what one step hands to the next, so a restarted step finds it again.
 */
public record RunContext(String runId, LocalDate runDate, Path home, Path inbox) {
    public static final String RUN_DATE = "runDate";
    public static final String INBOX = "inbox";

    public RunContext {
        requireNonNull(runId, "runId is null");
        requireNonNull(runDate, "runDate is null");
        requireNonNull(home, "home is null");
        requireNonNull(inbox, "inbox is null");
    }

    public static RunContext of(ChunkContext chunk, MemberstatProperties properties) {
        Map<String, Object> parameters = chunk.getStepContext().getJobParameters();
        LocalDate date = LocalDate.parse(String.valueOf(parameters.get(RUN_DATE)));
        Object inbox = parameters.get(INBOX);
        return new RunContext(date.toString(), date, properties.home(),
                inbox == null ? properties.inbox() : Path.of(String.valueOf(inbox)));
    }

    public Path runDir() {
        return home.resolve("runs").resolve(runId);
    }

    public Path pulledManifest() {
        return runDir().resolve("pulled.csv");
    }

    public Path submissions() {
        return runDir().resolve("submissions.csv");
    }

    public Path quarantine() {
        return runDir().resolve("quarantine.parquet");
    }

    public Path registry() {
        return runDir().resolve("registry.parquet");
    }

    /** Quarantined registry rows a run retried that repeat a version already known (normalise writes, load reads). */
    public Path retriedDuplicates() {
        return runDir().resolve("retried-duplicates.csv");
    }

    /** Quarantined values a run retried that another cause keeps out now, with that cause (normalise writes, load reads). */
    public Path retriedReasons() {
        return runDir().resolve("retried-reasons.csv");
    }

    public Path notes() {
        return runDir().resolve("notes.txt");
    }

    public Path lakeValues() {
        return home.resolve("lake").resolve("values");
    }
}
