package vn.memberstat.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.FileProblem;
import vn.memberstat.common.HeaderNumbers;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.duckdb.SqlScript;
import vn.memberstat.lake.RunRecords;
import vn.memberstat.run.RunContext;

/**
 * The runs a lake holds, in the order a rebuild replays them, and each run's hand-off files made again from the
 * lake into its run directory, where the load reads them.
 */
final class LakeRuns {
    record LakeRun(String runId, LocalDate runDate) {}

    private LakeRuns() {}

    /** The runs of {@code lake}, in the order their lake steps committed; none is an error in words. */
    static List<LakeRun> read(Path lake) {
        Path runs = lake.resolve("runs");
        if (!Files.isDirectory(lake)) {
            throw new MemberstatException(ErrorCode.RUN_FAILED, "nothing to rebuild from: there is no lake " + lake);
        }
        if (!hasRunRecord(runs)) {
            throw new MemberstatException(ErrorCode.RUN_FAILED, "nothing to rebuild from: the lake " + lake
                    + " holds no run record (" + runs + "/run=<date>/run.parquet); a lake written before run records"
                    + " were kept, or one without any run, cannot make a warehouse");
        }
        List<LakeRun> found = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("set variable runs_glob = " + SqlScript.literal(runs.resolve("*").resolve("run.parquet")));
            try (ResultSet rs = s.executeQuery(SqlScript.of("rebuild/runs.sql").query())) {
                while (rs.next()) {
                    found.add(new LakeRun(rs.getString(1), rs.getObject(2, LocalDate.class)));
                }
            }
        } catch (SQLException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot read the lake's runs " + runs + ": " + e.getMessage(), e);
        }
        return found;
    }

    private static boolean hasRunRecord(Path runs) {
        if (!Files.isDirectory(runs)) {
            return false;
        }
        try (Stream<Path> dirs = Files.list(runs)) {
            return dirs.anyMatch(dir -> Files.isRegularFile(dir.resolve("run.parquet")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + runs, e);
        }
    }

    /**
     * The run's hand-off files as its normalise step left them, made from the lake: what the load of the run reads.
     * Files the lake does not hold (the pull's list, notes) are left alone; the companion of header lines goes, as
     * the submissions file made here carries its header lines inline.
     */
    static void restage(Path lake, RunContext run) {
        try {
            Files.createDirectories(run.runDir());
            Files.deleteIfExists(HeaderNumbers.companionOf(run.submissions()));
            Files.copy(RunRecords.file(lake, "quarantine", run.runId()), run.quarantine(),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.copy(RunRecords.file(lake, "registry", run.runId()), run.registry(),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot stage run " + run.runId() + " from the lake: "
                    + FileProblem.reason(e), e);
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("set variable lake_file = " + SqlScript.literal(RunRecords.file(lake, "submissions", run.runId())));
            csv(s, "rebuild/submissions_csv.sql", run.submissions());
            s.execute("set variable lake_file = " + SqlScript.literal(RunRecords.file(lake, "retried", run.runId())));
            csv(s, "rebuild/retried_duplicates_csv.sql", run.retriedDuplicates());
            csv(s, "rebuild/retried_reasons_csv.sql", run.retriedReasons());
        } catch (SQLException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot stage run " + run.runId() + " from the lake: "
                    + e.getMessage(), e);
        }
    }

    private static void csv(Statement s, String queryFile, Path target) throws SQLException {
        s.execute("copy (" + SqlScript.of(queryFile).query().replaceFirst(";\\s*$", "") + ") to " + SqlScript.literal(target)
                + " (format csv, header, quote '\"', escape '\"')");
    }
}
