package vn.memberstat.job;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.count;
import static vn.memberstat.support.Memberstat.one;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;

/**
 * The admissions the attainment and roll-up views read from fct_admitted_year and fct_admitted_stretch (V14), kept by
 * derive and by the load's unit history, on sample-input's Hai Bà Trưng piece (RestructureViewsTest has the figures):
 * a later night's correction and a registry change that moves a grassroots organisation reach the views, and what is
 * kept is what a computation from scratch gives.
 */
final class AdmittedFiguresTest {
    @TempDir
    Path temp;

    @Test
    void aCorrectionChangesTheRollUp() throws IOException {
        Path inbox = Memberstat.copySample(temp.resolve("inbox"));
        Path home = temp.resolve("home");
        night(home, inbox, "2026-06-30");
        assertThat(rollup(home, "HN.P-BM", "as_was")).containsEntry("admitted_count", 15L);

        // Minh Khai's year: 25 corrected to 28, so its July-December 13 becomes 16
        Path correction = Memberstat.write(inbox, "2025/HN.P-BM/DM/2026-02-dinh-chinh.csv", Memberstat.LONG_HEADER + """
                HN.HBT.DM,2025-01..2025-12,admitted,total,28,
                """);
        Files.setLastModifiedTime(correction, FileTime.from(Instant.parse("2026-02-10T02:00:00Z")));
        night(home, inbox, "2026-07-31");

        assertThat(one(home, "select admitted_count from v_admission_attainment where unit_code = 'HN.HBT.DM' and year = 2025"))
                .containsEntry("admitted_count", 28L);
        assertThat(rollup(home, "HN.P-BM", "as_was")).containsEntry("admitted_count", 18L).containsEntry("grassroots_reporting", 2L);
        assertThat(rollup(home, "HN.HBT", "as_was")).as("its January-June is as it was").containsEntry("admitted_count", 21L);
        assertThat(rollup(home, "HN.P-BM", "restated")).as("36 + 3").containsEntry("admitted_count", 39L);
        assertKeptAsComputed(home);
    }

    @Test
    void aRegistryChangeMovesAGrassrootsOrganisation() throws IOException {
        Path inbox = Memberstat.copySample(temp.resolve("inbox"));
        Path home = temp.resolve("home");
        night(home, inbox, "2026-06-30");
        long hanoi = (long) rollup(home, "HN", "as_was").get("admitted_count");

        // Thăng Long moves from the ward to a new one on 1/10/2025: its year (4 by June, 6 by December) now has
        // three stretches; July-September has no figure of its own, October-December has 6 - 4
        Memberstat.write(inbox, "registry/units-2026-07.csv", Memberstat.REGISTRY_HEADER + """
                HN.P-VT,Đảng ủy phường Vĩnh Tuy,HN,2,ward,2025-10-01,,
                HN.HBT.TL,Chi bộ Trường THPT Thăng Long,HN.P-BM,3,school_high,2025-07-01,2025-09-30,
                HN.HBT.TL,Chi bộ Trường THPT Thăng Long,HN.P-VT,3,school_high,2025-10-01,,
                """);
        night(home, inbox, "2026-07-31");

        assertThat(count(home, "select * from fct_admitted_stretch where unit_code = 'HN.HBT.TL' and year = 2025"))
                .as("January-June and October-December have figures").isEqualTo(2);
        assertThat(rollup(home, "HN.P-BM", "as_was")).as("Minh Khai's 13; Thăng Long there but silent")
                .containsEntry("admitted_count", 13L).containsEntry("grassroots_reporting", 1L).containsEntry("grassroots_expected", 2L);
        assertThat(rollup(home, "HN.P-VT", "as_was")).containsEntry("admitted_count", 2L).containsEntry("through_month", 12)
                .containsEntry("grassroots_reporting", 1L).containsEntry("grassroots_expected", 1L);
        assertThat(rollup(home, "HN.P-VT", "restated")).as("its whole year").containsEntry("admitted_count", 6L);
        assertThat(rollup(home, "HN.P-BM", "restated")).as("36 - 6").containsEntry("admitted_count", 30L);
        assertThat(rollup(home, "HN", "as_was")).as("the city keeps its sum").containsEntry("admitted_count", hanoi);
        assertKeptAsComputed(home);
    }

    private static void night(Path home, Path inbox, String date) {
        Memberstat.Result result = Memberstat.nightly(home, inbox, date);
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    }

    private static Map<String, Object> rollup(Path home, String unit, String hierarchy) {
        return one(home, "select * from v_admission_rollup where unit_code = '%s' and year = 2025 and hierarchy = '%s'"
                .formatted(unit, hierarchy));
    }

    /** The kept tables hold exactly what the warehouse's year-to-date figures and placements give now. */
    private static void assertKeptAsComputed(Path home) {
        String year = """
                select unit_code, year, max(through_month), arg_max(ytd_value, through_month) from fct_flow_ytd
                where indicator_code = 'admitted' and category_code = 'total' group by all""";
        assertThat(count(home, "(select * from fct_admitted_year except all (" + year + ")) union all ((" + year
                + ") except all select * from fct_admitted_year)")).as("fct_admitted_year against fct_flow_ytd").isZero();
        assertThat(count(home, "(select * from fct_admitted_stretch except all select * from admitted_stretch_figures()) union all "
                + "(select * from admitted_stretch_figures() except all select * from fct_admitted_stretch)"))
                .as("fct_admitted_stretch against a computation from scratch").isZero();
        assertThat(count(home, "select * from fct_admitted_stretch")).isPositive();
    }
}
