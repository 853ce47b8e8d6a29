package vn.memberstat.job;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.count;
import static vn.memberstat.support.Memberstat.one;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;

/** One submission reloaded from the lake: its values, as the runs that loaded them left them, and what derives from them. */
final class ReprocessTest {
    @TempDir
    Path temp;

    @Test
    void aSubmissionLostFromTheWarehouseComesBackFromTheLake() throws Exception {
        Path home = temp.resolve("home");
        ThreeNights.run(home, temp.resolve("inbox"));
        String report = (String) one(home, "select submission_id from dim_submission where file_path = '2026/report.csv'")
                .get("submission_id");
        long rows = count(home, "select * from fct_reported_value where submission_id = '" + report + "'");
        assertThat(rows).as("rows read first, and rows of unit B loaded by a later run").isEqualTo(4);
        Path before = temp.resolve("before");
        Files.createDirectories(before);
        Files.copy(home.resolve("warehouse.duckdb"), before.resolve("warehouse.duckdb"));

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + home.resolve("work").resolve("warehouse.duckdb"));
                Statement s = c.createStatement()) {
            s.execute("delete from fct_reported_value where submission_id = '" + report + "'");
            s.execute("update fct_flow_ytd set ytd_value = -1");
        }
        Memberstat.Result reprocessed = Memberstat.run("reprocess", "--home", home.toString(), "--submission", report);
        assertThat(reprocessed.exitCode()).as(reprocessed.err()).isZero();
        assertThat(reprocessed.out()).contains("reprocess " + report + " (2026/report.csv): 4 rows reloaded from the lake")
                .contains("runs 2026-07-10, 2026-09-02 derived and checked again");

        RebuildTest.differences(before, home);   // every table as it was, derived ones included
        assertThat(one(home, "select admitted_count from v_admission_attainment where unit_code = 'B'"))
                .containsEntry("admitted_count", 12L);
    }

    @Test
    void onlyADataFileTheWarehouseKnowsIsReprocessedAndOnlyWhole() throws Exception {
        Path home = temp.resolve("home");
        ThreeNights.run(home, temp.resolve("inbox"));
        Memberstat.Result unknown = Memberstat.run("reprocess", "--home", home.toString(), "--submission", "00000000deadbeef");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no submission '00000000deadbeef' in dim_submission");

        String refused = (String) one(home, "select submission_id from dim_submission where refused_reason is not null")
                .get("submission_id");
        Memberstat.Result nothing = Memberstat.run("reprocess", "--home", home.toString(), "--submission", refused);
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err()).contains("(2026/empty.csv) was refused (EMPTY_FILE): it has no rows to reload");

        assertThat(Memberstat.run("reprocess", "--home", home.toString()).err()).contains("reprocess needs --submission ID");

        // the lake lost the run that read the report: only the rows a later run took from quarantine are left
        String report = (String) one(home, "select submission_id from dim_submission where file_path = '2026/report.csv'")
                .get("submission_id");
        for (Path file : vn.memberstat.lake.LakeWriter.files(home.resolve("lake").resolve("values"), "2026-07-10")) {
            Files.delete(file);
        }
        Memberstat.Result shortLake = Memberstat.run("reprocess", "--home", home.toString(), "--submission", report);
        assertThat(shortLake.exitCode()).isEqualTo(3);
        assertThat(shortLake.err()).contains("the warehouse counts 4 loaded rows, the lake gives back 2; nothing was changed");
        assertThat(count(home, "select * from fct_reported_value where submission_id = '" + report + "'")).isEqualTo(4);
        Memberstat.Result noWarehouse = Memberstat.run("reprocess", "--home", temp.resolve("new").toString(), "--submission", refused);
        assertThat(noWarehouse.exitCode()).isEqualTo(5);
    }
}
