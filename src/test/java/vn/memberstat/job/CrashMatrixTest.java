package vn.memberstat.job;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.count;
import static vn.memberstat.support.Memberstat.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.memberstat.support.Memberstat;
import vn.memberstat.support.MemberstatProcess;
import vn.memberstat.run.Stage;

/**
 * A nightly run halted in the middle of each stage (memberstat.crash-at, in a JVM of its own, as
 * kill -9 would), then run again for the same date: the warehouse equals the one an uninterrupted
 * run makes on the same inbox, and nothing temporary is left behind.
 */
final class CrashMatrixTest {
    private static final String DATE = "2026-06-30";
    /** Each table as an analyst reads it, without the columns that record when a run did something. */
    private static final Map<String, String> TABLES = tables();
    @TempDir
    static Path temp;
    private static Path inbox;
    private static Map<String, List<String>> uninterrupted;

    private static Map<String, String> tables() {
        Map<String, String> t = new LinkedHashMap<>();
        for (String table : List.of("fct_reported_value", "fct_value", "fct_flow_ytd", "fct_flow_month", "dq_outlier_series", "fct_stock", "fct_quota",
                "dq_finding_row", "registry_version", "dim_unit", "etl_scope")) {
            t.put(table, "select * from " + table + " order by all");
        }
        // the key comes from a sequence, which a crashed transaction may have advanced
        t.put("quarantine_row", "select * exclude (quarantine_key) from quarantine_row order by all");
        t.put("dim_submission", "select * exclude (pulled_at) from dim_submission order by all");
        t.put("etl_run", "select * exclude (loaded_at, derived_at, checked_at) from etl_run order by all");
        return t;
    }

    @BeforeAll
    static void runUninterrupted() {
        inbox = Memberstat.copySample(temp.resolve("inbox"));
        Path home = temp.resolve("uninterrupted");
        Memberstat.Result run = Memberstat.nightly(home, inbox, DATE);
        assertThat(run.exitCode()).as(run.err()).isZero();
        uninterrupted = snapshot(home);
        assertThat(uninterrupted.get("fct_reported_value")).hasSize(310);
        assertThat(uninterrupted.get("quarantine_row")).hasSize(14);
        assertThat(uninterrupted.get("dq_finding_row")).hasSize(5);
    }

    @ParameterizedTest(name = "crash at {0}")
    @EnumSource(Stage.class)
    void aRunKilledInAStageLeavesNoTraceOnceRunAgain(Stage stage) throws IOException {
        Path home = temp.resolve("crash-" + stage.stepName());

        MemberstatProcess.Finished crashed = MemberstatProcess.nightly(temp.resolve("logs"), stage.stepName(), home, inbox, DATE,
                "--memberstat.crash-at=" + stage.stepName()).await();

        assertThat(crashed.exitCode()).as(crashed.err()).isEqualTo(FaultInjector.CRASH_EXIT_CODE);
        assertThat(crashed.err()).contains("crashing at stage " + stage.stepName());
        assertThat(home.resolve("warehouse.duckdb")).as("nothing is published by a run that died").doesNotExist();
        List<String> leftBehind = leftovers(home).stream().map(Path::toString).toList();
        switch (stage) {
            case PULL -> assertThat(leftBehind).as("the crash left the manifest and the notes it was writing")
                    .containsExactlyInAnyOrder("runs/" + DATE + "/pulled.csv.tmp", "runs/" + DATE + "/pull-notes.csv.tmp");
            case NORMALISE -> assertThat(leftBehind).as("the crash left the lake files, the file list and the notes it was writing")
                    .contains("runs/" + DATE + "/submissions.csv.tmp", "runs/" + DATE + "/notes.txt.tmp")
                    .allMatch(f -> f.equals("runs/" + DATE + "/submissions.csv.tmp") || f.equals("runs/" + DATE + "/notes.txt.tmp")
                            || f.matches("lake/values/year=\\d{4}/run-" + DATE + "(\\.\\d+)?\\.parquet\\.tmp"))
                    .hasSizeGreaterThan(2);
            case LAKE -> assertThat(leftBehind).as("the crash left the lake files it was writing: values and the run's records")
                    .contains("lake/runs/run=" + DATE + "/run.parquet.tmp", "lake/submissions/run=" + DATE + "/submissions.parquet.tmp")
                    .allMatch(f -> f.matches("lake/values/year=\\d{4}/run-" + DATE + "(\\.\\d+)?\\.parquet\\.tmp")
                            || f.matches("lake/[a-z]+/run=" + DATE + "/[a-z]+\\.parquet\\.tmp"));
            case PUBLISH -> assertThat(leftBehind).as("the crash left the copy it was publishing")
                    .containsExactly(".warehouse.duckdb.publishing");
            default -> assertThat(leftBehind).isEmpty();
        }
        assertThat(stepsRecorded(home)).as("the job repository keeps every step the dead run finished, and the one it died in")
                .containsExactlyElementsOf(Stream.of(Stage.values()).filter(s -> s.ordinal() <= stage.ordinal())
                        .map(s -> s.stepName() + (s == stage ? " STARTED" : " COMPLETED")).toList());

        Memberstat.Result status = Memberstat.run("status", "--home", home.toString());
        assertThat(status.out()).as("a run marked running whose process is gone").containsPattern("(?m)^" + DATE + " +DIED ");
        assertThat(Memberstat.run("status", "--home", home.toString(), "--json").out())
                .contains("\"outcome\" : \"STARTED\",\n  \"died\" : true,");

        Memberstat.Result again = Memberstat.nightly(home, inbox, DATE);

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("COMPLETED").contains("(restarted after a run that died)")
                .contains("read 364 = loaded 349 + quarantined 14 + duplicate 1");
        Map<String, List<String>> tables = snapshot(home);
        for (String table : TABLES.keySet()) {
            assertThat(tables.get(table)).as(table + " after a crash at " + stage.stepName())
                    .containsExactlyElementsOf(uninterrupted.get(table));
        }
        assertThat(count(home, "select * from dim_submission where rows_read <> rows_loaded + rows_quarantined + rows_duplicate"))
                .isZero();
        assertThat(leftovers(home)).as("temporary files").isEmpty();
    }

    private static List<String> stepsRecorded(Path home) {
        try (Connection c = DriverManager.getConnection(JobRepositorySchema.url(home), "sa", "");
                ResultSet rs = c.createStatement().executeQuery("select step_name, status from batch_step_execution order by step_execution_id")) {
            List<String> steps = new ArrayList<>();
            while (rs.next()) {
                steps.add(rs.getString(1) + " " + rs.getString(2));
            }
            return steps;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, List<String>> snapshot(Path home) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        TABLES.forEach((table, sql) -> tables.put(table, query(home, sql).stream().map(Object::toString).toList()));
        return tables;
    }

    /** Lake files still under their temporary name, and a published copy never renamed into place. */
    private static List<Path> leftovers(Path home) throws IOException {
        try (Stream<Path> files = Files.walk(home)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.endsWith(".tmp") || name.startsWith(".warehouse.duckdb.publishing");
            }).map(home::relativize).toList();
        }
    }
}
