package vn.memberstat.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.HeaderNumbers;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.duckdb.SqlScript;
import vn.memberstat.run.RunContext;

/**
 * What the lake keeps of a run besides its values, so that the lake alone holds everything the warehouse is made
 * of: {@code lake/<table>/run=<run>/<table>.parquet} for the run itself (its date and the order of the runs), its
 * submission audit (refused files with their reasons), its quarantined rows, its registry rows and the quarantined
 * rows it retried and kept out. Plain Parquet, Hive-partitioned by run. Written from the run's hand-off files by
 * the lake step under temporary names, and renamed into place by its commit.
 */
public final class RunRecords {
    /** The tables, in the order they are written. */
    public static final List<String> TABLES = List.of("runs", "submissions", "quarantine", "registry", "retried");

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunRecords.class);

    private RunRecords() {}

    /** {@code lake/<table>/run=<run>/<file>.parquet}; the run's own record is {@code runs/run=<run>/run.parquet}. */
    public static Path file(Path lake, String table, String runId) {
        String name = table.equals("runs") ? "run" : table;
        return lake.resolve(table).resolve("run=" + runId).resolve(name + ".parquet");
    }

    /** The lake of a run's home. */
    public static Path lake(RunContext run) {
        return run.lakeValues().getParent();
    }

    /** Writes the run's records under temporary names; returns them, for {@link #commit}. */
    public static List<Path> write(RunContext run) {
        Path lake = lake(run);
        List<Path> temps = new ArrayList<>();
        for (String table : TABLES) {
            Path temp = temp(file(lake, table, run.runId()));
            try {
                Files.createDirectories(temp.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create lake partition " + temp.getParent(), e);
            }
            temps.add(temp);
        }
        long started = System.nanoTime();
        copyFile(run.quarantine(), temps.get(2));
        copyFile(run.registry(), temps.get(3));
        long copied = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            long opened = System.nanoTime();
            set(s, "run_id", "'" + run.runId().replace("'", "''") + "'");
            set(s, "run_date", "'" + run.runDate() + "'");
            set(s, "committed_at", "'" + LocalDateTime.now() + "'");
            set(s, "submissions_file", SqlScript.literal(run.submissions()));
            set(s, "headers_file", SqlScript.literal(HeaderNumbers.companionOf(run.submissions())));
            set(s, "retried_duplicates_file", SqlScript.literal(run.retriedDuplicates()));
            set(s, "retried_reasons_file", SqlScript.literal(run.retriedReasons()));
            copyQuery(s, "lake/run.sql", temps.get(0));
            copyQuery(s, "lake/submissions.sql", temps.get(1));
            copyQuery(s, "lake/retried.sql", temps.get(4));
            LOG.info("lake: run records: files copied in {} ms, DuckDB opened in {} ms, queries written in {} ms",
                    (copied - started) / 1_000_000, (opened - copied) / 1_000_000, (System.nanoTime() - opened) / 1_000_000);
        } catch (SQLException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot write the run's records into the lake: " + e.getMessage(), e);
        }
        return temps;
    }

    /** Renames the records written by {@link #write} into place. */
    public static void commit(List<Path> temps) {
        for (Path temp : temps) {
            String name = temp.getFileName().toString();
            Path target = temp.resolveSibling(name.substring(0, name.length() - LakeWriter.TEMP_SUFFIX.length()));
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot rename " + temp + " into place", e);
            }
        }
    }

    private static Path temp(Path target) {
        return target.resolveSibling(target.getFileName() + LakeWriter.TEMP_SUFFIX);
    }

    private static void copyFile(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " into the lake", e);
        }
    }

    private static void set(Statement s, String variable, String value) throws SQLException {
        s.execute("set variable " + variable + " = " + value);
    }

    /** The rows of a query file of {@code warehouse-sql/} as a Parquet file. */
    private static void copyQuery(Statement s, String queryFile, Path target) throws SQLException {
        s.execute("copy (" + SqlScript.of(queryFile).query().replaceFirst(";\\s*$", "") + ") to " + SqlScript.literal(target) + " (format parquet)");
    }
}
