package vn.memberstat.job;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.count;
import static vn.memberstat.support.Memberstat.one;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;

/**
 * The lake is the system of record: a home holding only a copy of another home's lake rebuilds the same warehouse,
 * table by table, and the lake is plain Parquet any reader takes.
 */
final class RebuildTest {
    /** Run bookkeeping: when each stage of a run committed, which honestly differs between the two homes. */
    static final Map<String, String> BOOKKEEPING = Map.of("etl_run", "loaded_at, derived_at, checked_at");

    @TempDir
    Path temp;

    @Test
    void aCopyOfTheLakeAloneRebuildsTheSameWarehouse() throws Exception {
        Path inbox = Memberstat.copySample(temp.resolve("inbox"));
        Path home = temp.resolve("home");
        ThreeNights.run(home, inbox);

        Path copy = temp.resolve("copy");
        copyTree(home.resolve("lake"), copy.resolve("lake"));
        Memberstat.Result rebuilt = Memberstat.run("rebuild", "--home", copy.toString());
        assertThat(rebuilt.exitCode()).as(rebuilt.err()).isZero();
        assertThat(rebuilt.out()).contains("3 runs from").contains("run 2026-09-02 replayed (3 of 3)");

        List<String> tables = differences(home, copy);
        assertThat(tables).as("tables compared").contains("fct_reported_value", "quarantine_row", "dim_submission",
                "registry_version", "dim_unit", "etl_run", "dq_finding_row", "fct_flow_ytd");
        assertThat(count(copy, "select * from quarantine where line_number is null")).as("refused files").isEqualTo(1);
        assertThat(count(copy, "select * from quarantine where is_resolved and resolution = 'loaded'"))
                .as("rows retried and loaded").isPositive();
        assertThat(one(copy, "select value from fct_value where unit_code = 'A' and period = '2026-06' and category_code = 'total'"))
                .as("the correction stands").containsEntry("value", 4.0);

        // the rebuilt home knows its runs: a date of the lake is not run again (its normalise would empty its lake files)
        Memberstat.Result again = Memberstat.nightly(copy, inbox, "2026-09-02");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("already completed");
        Memberstat.Result status = Memberstat.run("status", "--home", copy.toString());
        assertThat(status.out()).contains("2026-09-02").contains("2026-07-10");

        // a lake file that cannot be read stops the rebuild, and the warehouse stays as it was
        Path audit = copy.resolve("lake").resolve("submissions").resolve("run=2026-08-01").resolve("submissions.parquet");
        byte[] good = Files.readAllBytes(audit);
        Files.writeString(audit, "not parquet");
        Memberstat.Result broken = Memberstat.run("rebuild", "--home", copy.toString());
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.err()).contains("rebuild FAILED: cannot stage run 2026-08-01 from the lake")
                .contains("the warehouse is as it was");
        differences(home, copy);
        Files.write(audit, good);

        // in the home it came from: the working warehouse replaced, the published copy (and its spare) brought up to date
        Path before = temp.resolve("before");
        Files.createDirectories(before);
        Files.copy(home.resolve("warehouse.duckdb"), before.resolve("warehouse.duckdb"));
        Memberstat.Result inPlace = Memberstat.run("rebuild", "--home", home.toString());
        assertThat(inPlace.exitCode()).as(inPlace.err()).isZero();
        differences(before, home);
        assertThat(home.resolve("rebuild")).as("the scratch warehouse is gone").doesNotExist();
        Memberstat.Result next = Memberstat.nightly(home, inbox, "2026-09-03");
        assertThat(next.exitCode()).as(next.err()).isZero();
        assertThat(next.out()).contains("read 0 = loaded 0");
    }

    @Test
    void theLakeIsReadByAnyParquetReaderWithItsHivePartitions() throws Exception {
        Path inbox = Memberstat.copySample(temp.resolve("inbox"));
        Path home = temp.resolve("home");
        ThreeNights.run(home, inbox);
        Path lake = home.resolve("lake");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            assertThat(scalar(s, "select string_agg(distinct cast(run as varchar), ',' order by cast(run as varchar)) from read_parquet('"
                    + lake + "/runs/*/*.parquet', hive_partitioning = true)")).isEqualTo("2026-07-10,2026-08-01,2026-09-02");
            assertThat(scalar(s, "select count(*) from read_parquet('" + lake + "/submissions/*/*.parquet', hive_partitioning = true)"))
                    .isEqualTo(String.valueOf(count(home, "select * from dim_submission")));
            assertThat(scalar(s, "select refused_reason from read_parquet('" + lake + "/submissions/*/*.parquet') "
                    + "where refused_reason is not null")).isEqualTo("EMPTY_FILE");
            assertThat(scalar(s, "select count(*) from read_parquet('" + lake + "/registry/*/*.parquet') where unit_code = 'B'"))
                    .isEqualTo("1");
        }
    }

    @Test
    void aHomeWithoutALakeHasNothingToRebuildFrom() throws IOException {
        Path home = temp.resolve("empty");
        Memberstat.Result missing = Memberstat.run("rebuild", "--home", home.toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("nothing to rebuild from: there is no lake");

        Files.createDirectories(home.resolve("lake").resolve("values").resolve("year=2026"));
        Memberstat.Result empty = Memberstat.run("rebuild", "--home", home.toString());
        assertThat(empty.exitCode()).isEqualTo(1);
        assertThat(empty.err()).contains("holds no run record");
        assertThat(home.resolve("warehouse.duckdb")).doesNotExist();
    }

    /**
     * The base tables of both published warehouses, compared row for row (as multisets, less the bookkeeping
     * columns); fails on the first table that differs. Returns the tables compared.
     */
    static List<String> differences(Path original, Path rebuilt) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("attach '" + original.resolve("warehouse.duckdb") + "' as a (read_only)");
            s.execute("attach '" + rebuilt.resolve("warehouse.duckdb") + "' as b (read_only)");
            try (ResultSet rs = s.executeQuery("select table_name from duckdb_tables() where database_name = 'a' "
                    + "and schema_name = 'main' and table_name <> 'flyway_schema_history' order by 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(scalar(s, "select string_agg(table_name, ',' order by table_name) from duckdb_tables() "
                    + "where database_name = 'b' and schema_name = 'main' and table_name <> 'flyway_schema_history'"))
                    .isEqualTo(String.join(",", tables));
            for (String table : tables) {
                String exclude = BOOKKEEPING.containsKey(table) ? " exclude (" + BOOKKEEPING.get(table) + ")" : "";
                String a = "select *" + exclude + " from a." + table;
                String b = "select *" + exclude + " from b." + table;
                assertThat(scalar(s, "select count(*) from a." + table)).as(table + " rows")
                        .isEqualTo(scalar(s, "select count(*) from b." + table));
                assertThat(scalar(s, "select count(*) from ((" + a + " except all " + b + ") union all (" + b
                        + " except all " + a + "))")).as(table + ": rows in one warehouse and not the other").isEqualTo("0");
            }
        }
        return tables;
    }

    private static String scalar(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
