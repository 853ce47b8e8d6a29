package vn.memberstat.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The run reports of a home, {@code runs/<date>/report.json}: written whole into a temporary file and renamed
 * into place, so a reader never sees half a report. Plain files and Jackson: reading them starts nothing else.
 */
public final class RunReports {
    public static final String FILE = "report.json";
    private static final String INTERRUPTED = "INTERRUPTED";
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);   // a later version may add fields
    private final Path home;

    public RunReports(Path home) {
        this.home = home;
    }

    public Path path(String runDate) {
        return home.resolve("runs").resolve(runDate).resolve(FILE);
    }

    public Optional<RunReport> read(String runDate) {
        Path file = path(runDate);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), RunReport.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run report " + file + ": " + e.getMessage(), e);
        }
    }

    public void write(RunReport report) throws IOException {
        synchronized (RunReports.class) {   // Ctrl-C's hook and the job's own thread may both end the report
            keepInterruption(report);
            replace(report);
        }
    }

    /**
     * An attempt ended by Ctrl-C stays INTERRUPTED: the job's thread, stopped under it, may still fail its step
     * and end the same attempt after the hook has.
     */
    private void keepInterruption(RunReport report) {
        Optional<RunReport> written = report.attemptHistory.isEmpty() ? Optional.empty() : read(report.runDate);
        if (written.isEmpty() || written.get().attemptHistory.isEmpty()) {
            return;
        }
        RunReport.Attempt before = written.get().lastAttempt();
        RunReport.Attempt now = report.lastAttempt();
        if (INTERRUPTED.equals(before.outcome) && !INTERRUPTED.equals(now.outcome)
                && java.util.Objects.equals(before.startedAt, now.startedAt)) {
            now.outcome = before.outcome;
            now.exitCode = before.exitCode;
            now.error = before.error;
            now.endedAt = before.endedAt;
            report.outcome = written.get().outcome;
            report.exitCode = written.get().exitCode;
            report.error = written.get().error;
            report.endedAt = written.get().endedAt;
        }
    }

    private void replace(RunReport report) throws IOException {
        Path file = path(report.runDate);
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(FILE + ".tmp");
        Files.write(tmp, JSON.writeValueAsBytes(report));
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The dates under {@code runs/}, newest first, with or without a report. */
    public List<String> dates() {
        List<String> dates = new ArrayList<>();
        Path runs = home.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return dates;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(runs, Files::isDirectory)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (isDate(name)) {
                    dates.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + runs + ": " + e.getMessage(), e);
        }
        dates.sort(Comparator.reverseOrder());
        return dates;
    }

    private static boolean isDate(String name) {
        try {
            LocalDate.parse(name);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The report as JSON text, as {@code runs show} and {@code status --json} print it. */
    public static String json(Object reports) {
        try {
            return JSON.writeValueAsString(reports);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RunReport parse(String json) {
        try {
            return JSON.readValue(json, RunReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
