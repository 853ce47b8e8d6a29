package vn.memberstat.job;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.one;
import static vn.memberstat.support.Memberstat.query;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;

/**
 * A night with nothing new leaves the warehouse as it was, without rebuilding the unit history or running the
 * warehouse checks; a night whose registry changed still rebuilds it, and a check whose inputs changed still runs
 * and fails the run.
 */
final class QuietNightTest {
    /** What a night writes besides its bookkeeping (etl_run, etl_run_change): every fact, dimension and finding. */
    private static final List<String> TABLES = List.of("dim_unit", "dim_unit_lineage", "dim_unit_placement",
            "dim_unit_successor", "registry_version", "dim_submission", "dim_indicator", "dim_category", "fct_reported_value",
            "fct_flow_ytd", "fct_flow_month", "fct_stock", "fct_quota", "quarantine_row", "dq_finding_row", "etl_scope");

    @TempDir
    Path temp;

    @Test
    void aNightWithNoNewFilesLeavesTheWarehouseAsItWas() throws Exception {
        Path home = temp.resolve("home");
        Memberstat.Result first = Memberstat.nightly(home, Memberstat.copySample(temp.resolve("inbox")), "2026-06-30");
        assertThat(first.exitCode()).as(first.err()).isZero();
        Map<String, List<Map<String, Object>>> before = snapshot(home);
        assertThat(before.get("dim_unit_lineage")).isNotEmpty();
        assertThat(before.get("dq_finding_row")).as("the sample's planted findings").isNotEmpty();

        Path empty = Files.createDirectories(temp.resolve("empty"));
        Memberstat.Result quiet = Memberstat.nightly(home, empty, "2026-07-01");

        assertThat(quiet.exitCode()).as(quiet.err()).isZero();
        assertThat(quiet.out()).contains("COMPLETED").contains("read 0 = loaded 0 + quarantined 0 + duplicate 0");
        assertThat(snapshot(home)).isEqualTo(before);
        assertThat(one(home, "select registry_changed, catalogue_changed from etl_run_change where run_id = '2026-07-01'"))
                .containsEntry("registry_changed", false).containsEntry("catalogue_changed", false);
        assertThat(one(home, "select registry_changed from etl_run_change where run_id = '2026-06-30'"))
                .as("the first night brought the registry").containsEntry("registry_changed", true);
    }

    @Test
    void aRegistryChangeRebuildsTheUnitHistoryAndANightWithoutOneKeepsIt() {
        Path inbox = temp.resolve("inbox");
        Path home = temp.resolve("home");
        Memberstat.write(inbox, "registry.csv", Memberstat.REGISTRY_HEADER + """
                HN,Thành ủy Hà Nội,,1,city,1930-03-17,,
                HN.A,Quận ủy Ba Đình,HN,2,urban_district,1997-01-01,,
                """);
        Memberstat.write(inbox, "2024.csv", Memberstat.LONG_HEADER + "HN.A,2024,admitted,total,50,\n");
        assertThat(Memberstat.nightly(home, inbox, "2025-01-31").exitCode()).isZero();
        assertThat(successors(home)).containsExactly("HN HN", "HN.A HN.A");

        // HN.A merges into a new district HN.B at the start of 2025
        later(Memberstat.write(inbox, "registry-2.csv", Memberstat.REGISTRY_HEADER + """
                HN.A,Quận ủy Ba Đình,HN,2,urban_district,1997-01-01,2024-12-31,HN.B
                HN.B,Quận ủy Ba Đình mới,HN,2,urban_district,2025-01-01,,
                """), 1);
        Memberstat.Result merged = Memberstat.nightly(home, inbox, "2025-02-28");

        assertThat(merged.exitCode()).as(merged.err()).isZero();
        assertThat(successors(home)).containsExactly("HN HN", "HN.A HN.B", "HN.B HN.B");
        assertThat(query(home, "select unit_code, parent_code from dim_unit_placement where unit_code = 'HN.B'"))
                .extracting(r -> r.get("unit_code") + " " + r.get("parent_code")).containsExactly("HN.B HN");
        assertThat(one(home, "select registry_changed from etl_run_change where run_id = '2025-02-28'"))
                .containsEntry("registry_changed", true);

        // values alone: the history stays as the merger left it
        later(Memberstat.write(inbox, "2025.csv", Memberstat.LONG_HEADER + "HN.B,2025-01,admitted,total,4,\n"), 2);
        Memberstat.Result values = Memberstat.nightly(home, inbox, "2025-03-31");

        assertThat(values.exitCode()).as(values.err()).isZero();
        assertThat(successors(home)).containsExactly("HN HN", "HN.A HN.B", "HN.B HN.B");
        assertThat(one(home, "select registry_changed from etl_run_change where run_id = '2025-03-31'"))
                .containsEntry("registry_changed", false);
        assertThat(one(home, "select count(*) as n from fct_value where unit_code = 'HN.B'")).containsEntry("n", 1L);
    }

    @Test
    void aCheckIsSkippedWhileItsInputsStandAndFailsTheRunOnceOneChanges() throws Exception {
        Path inbox = temp.resolve("inbox");
        Path home = temp.resolve("home");
        Memberstat.write(inbox, "registry.csv", Memberstat.REGISTRY_HEADER + """
                HN,Thành ủy Hà Nội,,1,city,1930-03-17,,
                HN.A,Quận ủy Ba Đình,HN,2,urban_district,1997-01-01,,
                """);
        Memberstat.write(inbox, "2024.csv", Memberstat.LONG_HEADER + "HN.A,2024,admitted,total,50,\n");
        assertThat(Memberstat.nightly(home, inbox, "2025-01-31").exitCode()).isZero();
        // what a fault would leave: the same submission recorded twice
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + home.resolve("work/warehouse.duckdb"));
                Statement s = c.createStatement()) {
            s.execute("insert into dim_submission select * from dim_submission where file_path like '%2024.csv'");
        }

        // nothing new: no submission, registry or catalogue changed, so unique_dimension_keys has nothing new to read
        Memberstat.Result quiet = Memberstat.nightly(home, Files.createDirectories(temp.resolve("empty")), "2025-02-28");
        assertThat(quiet.exitCode()).as(quiet.err()).isZero();

        // a new file changes the submissions it reads: it runs, and fails the run
        later(Memberstat.write(inbox, "2024-b.csv", Memberstat.LONG_HEADER + "HN.A,2024,deceased,total,3,\n"), 1);
        Memberstat.Result run = Memberstat.nightly(home, inbox, "2025-03-31");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("warehouse check unique_dimension_keys (error) failed; first rows: dimension=dim_submission");
    }

    private static Map<String, List<Map<String, Object>>> snapshot(Path home) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            tables.put(table, query(home, "select * from " + table + " order by all"));
        }
        return tables;
    }

    private static List<String> successors(Path home) {
        return query(home, "select unit_code, current_code from dim_unit_successor order by unit_code").stream()
                .map(r -> r.get("unit_code") + " " + r.get("current_code")).toList();
    }

    /** A file sent {@code days} after the first ones: later files win, and every one is old enough to take. */
    private static void later(Path file, int days) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Memberstat.OLD.plusSeconds(days * 86_400L)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
