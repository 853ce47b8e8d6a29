package vn.memberstat.job;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.count;
import static vn.memberstat.support.Memberstat.one;
import static vn.memberstat.support.Memberstat.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;

/**
 * The warehouse across the 2025 restructure, on sample-input's Hai Bà Trưng piece (sample-input/README.md): the
 * district HN.HBT ends on 30/6/2025 (successor the ward HN.P-BM); its grassroots organisations HN.HBT.DM and
 * HN.HBT.TL go on under the ward with new registry rows; HN.HBT.VT merges into HN.HBT.DM; HN.HBT.LD was dissolved
 * at the end of 2024 and never reported. Every figure is worked out by hand from those files.
 */
final class RestructureViewsTest {
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    @TempDir
    static Path temp;
    private static Path home;

    @BeforeAll
    static void runNightlyOnSample() throws IOException {
        Path inbox = Memberstat.copySample(temp.resolve("inbox"));
        // when each file of the piece arrived: the 5th of the month after its period is the last day on time
        received(inbox, "2024/HN.HBT/2024-01-chi-tieu.csv", 2024, 1, 15);
        received(inbox, "2024/HN.HBT/2024-12-bao-cao-nam.csv", 2025, 1, 4);
        received(inbox, "2024/HN.HBT/DM/2024-12-bao-cao-nam.csv", 2025, 1, 3);
        received(inbox, "2024/HN.HBT/TL/2024-12-bao-cao-nam.csv", 2025, 1, 5);
        received(inbox, "2024/HN.HBT/VT/2024-12-bao-cao-nam.csv", 2025, 1, 10);
        received(inbox, "2025/HN.HBT/2025-01-chi-tieu.csv", 2025, 1, 10);
        received(inbox, "2025/HN.HBT/2025-06-6-thang.csv", 2025, 7, 4);
        received(inbox, "2025/HN.HBT/DM/2025-06-6-thang.csv", 2025, 7, 3);
        received(inbox, "2025/HN.HBT/TL/2025-06-6-thang.csv", 2025, 7, 20);
        received(inbox, "2025/HN.HBT/VT/2025-06-6-thang.csv", 2025, 7, 2);
        received(inbox, "2025/HN.P-BM/2025-07-chi-tieu.csv", 2025, 7, 15);
        received(inbox, "2025/HN.P-BM/2025-12-bao-cao.csv", 2026, 1, 5);
        received(inbox, "2025/HN.P-BM/DM/2025-12-bao-cao-nam.csv", 2026, 1, 4);
        received(inbox, "2025/HN.P-BM/TL/2025-12-bao-cao-nam.csv", 2026, 1, 12);
        home = temp.resolve("home");
        Memberstat.Result result = Memberstat.nightly(home, inbox, "2026-06-30");
        assertThat(result.exitCode()).as(result.err()).isZero();
    }

    private static void received(Path inbox, String file, int year, int month, int day) throws IOException {
        Files.setLastModifiedTime(inbox.resolve(file),
                FileTime.from(LocalDateTime.of(year, month, day, 9, 0).atZone(HANOI).toInstant()));
    }

    @Test
    void currentSuccessorFollowsASuccessorCodeAndKeepsACodeThatGoesOn() {
        assertThat(successor("HN.TX")).as("ended with successor_code HN.P-TX").isEqualTo("HN.P-TX 1");
        assertThat(successor("HN.HBT.DM")).as("same code under a new parent from 2025-07-01").isEqualTo("HN.HBT.DM 0");
        assertThat(successor("HN.HBT.VT")).as("merged into HN.HBT.DM").isEqualTo("HN.HBT.DM 1");
        assertThat(successor("HN.HBT.LD")).as("dissolved without successor: its own").isEqualTo("HN.HBT.LD 0");
        assertThat(successor("VP.VT.YB.TH")).isEqualTo("PT.X-VT.THYB 1");
    }

    @Test
    void ancestorsAreThoseOfTheDayAsked() {
        assertThat(one(home, "select parent_code, district_code, province_code from unit_ancestors_at(date '2025-06-30') "
                + "where unit_code = 'HN.HBT.TL'")).containsEntry("parent_code", "HN.HBT").containsEntry("district_code", "HN.HBT")
                .containsEntry("province_code", "HN");
        assertThat(one(home, "select parent_code, province_code from unit_ancestors_at(date '2025-07-01') where unit_code = 'HN.HBT.TL'"))
                .containsEntry("parent_code", "HN.P-BM").containsEntry("province_code", "HN");
        assertThat(one(home, "select province_code, grassroots_code from unit_ancestors_at(date '2024-12-31') "
                + "where unit_code = 'VP.VT.YB.TH'")).containsEntry("province_code", "VP").containsEntry("grassroots_code", "VP.VT.YB");
        assertThat(count(home, "select * from unit_ancestors_at(date '2025-07-01') where unit_code in ('HN.HBT', 'HN.HBT.VT', 'HN.HBT.LD')"))
                .as("ended by then").isZero();
    }

    @Test
    void restatedAgreesWithAsWasBeforeTheBreakAndDiffersByTheMovedUnitsIn2025() {
        for (int year = 2021; year <= 2025; year++) {
            assertThat(rollup("HN", year, "restated").get("admitted_count")).as("Hà Nội lost and gained no unit, %d", year)
                    .isEqualTo(rollup("HN", year, "as_was").get("admitted_count"));
        }
        // 2024: the ward's units were the district's: 24 + 9 + 8; HN.HBT.LD never reported and has no place today
        assertThat(rollup("HN.HBT", 2024, "as_was")).containsEntry("admitted_count", 41L).containsEntry("reported_count", 44L)
                .containsEntry("quota_count", 45L).containsEntry("grassroots_reporting", 3L).containsEntry("grassroots_expected", 4L);
        assertThat(rollup("HN.P-BM", 2024, "restated")).containsEntry("admitted_count", 41L).containsEntry("grassroots_expected", 3L);
        assertThat(count(home, "select * from v_admission_rollup where unit_code = 'HN.P-BM' and year = 2024 and hierarchy = 'as_was'"))
                .as("the ward did not exist").isZero();
        // 2025 as it was: the district January-June (12 + 4 + 5), the ward July onward (25 - 12 + 6 - 4)
        assertThat(rollup("HN.HBT", 2025, "as_was")).containsEntry("admitted_count", 21L).containsEntry("through_month", 6)
                .containsEntry("grassroots_expected", 3L);
        assertThat(rollup("HN.P-BM", 2025, "as_was")).containsEntry("admitted_count", 15L).containsEntry("reported_count", 15L)
                .containsEntry("grassroots_expected", 2L);
        // restated, the ward has the moved units' whole year: 15 + 21; quotas 45 + 20, so 36 / 65
        assertThat(rollup("HN.P-BM", 2025, "restated")).containsEntry("admitted_count", 36L).containsEntry("reported_count", 36L)
                .containsEntry("quota_count", 65L).containsEntry("attainment_pct", 55.38).containsEntry("through_month", 12)
                .containsEntry("grassroots_reporting", 3L);
        // the merger: Minh Khai restated holds Vĩnh Tuy too
        assertThat(rollup("HN.HBT.DM", 2025, "as_was")).containsEntry("admitted_count", 25L).containsEntry("quota_count", 22L);
        assertThat(rollup("HN.HBT.DM", 2025, "restated")).containsEntry("admitted_count", 30L).containsEntry("quota_count", 32L)
                .containsEntry("attainment_pct", 93.75).containsEntry("grassroots_expected", 2L);
    }

    @Test
    void restatedAttainmentAddsUpTheSplitYear() {
        Map<String, Object> ward = one(home, "select * from v_admission_attainment_restated where unit_code = 'HN.P-BM' and year = 2025");
        // the district's January-June report 21 and the ward's July-December 15; quotas 45 and 20
        assertThat(ward).containsEntry("admitted_count", 36L).containsEntry("quota_count", 65L).containsEntry("through_month", 12)
                .containsEntry("attainment_pct", 55.38).containsEntry("level", 2).containsEntry("parent_code", "HN");
        assertThat(one(home, "select * from v_admission_attainment_restated where unit_code = 'HN.P-BM' and year = 2024"))
                .containsEntry("admitted_count", 44L).containsEntry("quota_count", 45L);
        assertThat(one(home, "select * from v_admission_attainment_restated where unit_code = 'HN.P-TX' and year = 2025"))
                .as("HN.TX 118 through June, HN.P-TX 97 July-December").containsEntry("admitted_count", 215L);
        assertThat(count(home, "select * from v_admission_attainment_restated where unit_code in ('HN.HBT', 'HN.HBT.VT', 'HN.TX')"))
                .as("ended units live on in their successors").isZero();
        assertThat(query(home, "select year, admitted_count from v_admission_attainment where unit_code = 'HN.HBT.DM' order by year"))
                .as("as it was, the unit's own reports").extracting(r -> r.get("year") + ":" + r.get("admitted_count"))
                .containsExactly("2024:24", "2025:25");
    }

    @Test
    void reconciliationShowsADifferenceAndAChildThatNeverReported() {
        // 44 reported against 24 + 9 + 8; Lò Đúc, a child in 2024, sent nothing
        assertThat(reconciliation("HN.HBT", "2024")).containsEntry("reported_value", 44.0).containsEntry("children_sum", 41.0)
                .containsEntry("difference", 3.0).containsEntry("children_reported", 3L).containsEntry("children_expected", 4L)
                .containsEntry("indicator_label_vi", "Kết nạp đảng viên").containsEntry("category_label_vi", "Tổng số");
        assertThat(reconciliation("HN.HBT", "2025-H1")).containsEntry("difference", 0.0).containsEntry("children_reported", 3L);
        // the ward reported July-December; its children reported the whole year: no pair, no difference
        assertThat(reconciliation("HN.P-BM", "2025-H2")).containsEntry("reported_value", 15.0).containsEntry("children_sum", null)
                .containsEntry("difference", null).containsEntry("children_reported", 0L).containsEntry("children_expected", 2L);
        assertThat(reconciliation("HN.P-BM", "2025")).containsEntry("reported_value", null).containsEntry("children_sum", 31.0);
        assertThat(count(home, "select * from dq_finding where unit_code like 'HN.HBT%' or unit_code like 'HN.P-BM%'"))
                .as("a sum with a child missing and below the own report is no certain mismatch").isZero();
        assertThat(one(home, "select detail from dq_finding where rule_code = 'ROLLUP_MISMATCH'"))
                .containsEntry("detail", "own report 45, sum of its children 43 (2 of 2 children reported)");
    }

    @Test
    void reportingRatesCountLateAndMissingReports() {
        // December 2024: four organisations, Lò Đúc missing, Vĩnh Tuy's year report came on 10 January
        assertThat(rate("HN.HBT", 2024, 12)).isEqualTo(List.of(4L, 3L, 2L, 75.0, 50.0));
        // June 2025: the three half-year reports, Thăng Long's on 20 July
        assertThat(rate("HN.HBT", 2025, 6)).isEqualTo(List.of(3L, 3L, 2L, 100.0, 66.67));
        // July 2025: the ward's two organisations, both year reports cover it, Thăng Long's late (12 January)
        assertThat(rate("HN.P-BM", 2025, 7)).isEqualTo(List.of(2L, 2L, 1L, 100.0, 50.0));
        assertThat(rate("HN.HBT.LD", 2024, 5)).as("a grassroots organisation expects itself").isEqualTo(List.of(1L, 0L, 0L, 0.0, 0.0));
        assertThat(rate("HN.HBT.TL", 2024, 3)).as("received on the 5th: on time").isEqualTo(List.of(1L, 1L, 1L, 100.0, 100.0));
        assertThat(count(home, "select * from v_reporting_rate where unit_code = 'HN.HBT' and year = 2025 and month > 6"))
                .as("the district ended on 30/6/2025").isZero();
    }

    @Test
    void analystViewsCarryLabelsAndTheUnitAsItWas() {
        assertThat(one(home, "select category_label_vi, level, parent_code, province_code from v_admission_by_category "
                + "where unit_code = 'HN.TX' and year = 2023 and category = 'thpt_student'"))
                .containsEntry("category_label_vi", "Học sinh THPT").containsEntry("level", 2).containsEntry("parent_code", "HN")
                .containsEntry("province_code", "HN");
        assertThat(one(home, "select reason_label_vi from v_screening_by_year where unit_code = 'HN.TX' and year = 2023 "
                + "and reason = 'struck_off'")).containsEntry("reason_label_vi", "Xóa tên");
        assertThat(one(home, "select parent_code, province_code from v_admission_attainment where unit_code = 'VP.VT.YB' and year = 2024"))
                .containsEntry("parent_code", "VP.VT").containsEntry("province_code", "VP");
        assertThat(query(home, "select year, parent_code from v_admission_attainment where unit_code = 'HN.HBT.DM' order by year"))
                .extracting(r -> r.get("year") + ":" + r.get("parent_code")).containsExactly("2024:HN.HBT", "2025:HN.P-BM");
        assertThat(query(home, "select month, parent_code from v_submission_completeness where unit_code = 'HN.HBT.DM' "
                + "and year = 2025 and month in (6, 7) order by month"))
                .extracting(r -> r.get("month") + ":" + r.get("parent_code")).containsExactly("6:HN.HBT", "7:HN.P-BM");
        assertThat(one(home, "select indicator_label_vi from dq_finding where rule_code = 'STOCK_IDENTITY'"))
                .containsEntry("indicator_label_vi", "Tổng số đảng viên");
    }

    private static String successor(String unit) {
        Map<String, Object> row = one(home, "select current_code, steps from dim_unit_successor where unit_code = '" + unit + "'");
        return row.get("current_code") + " " + row.get("steps");
    }

    private static Map<String, Object> rollup(String unit, int year, String hierarchy) {
        return one(home, "select * from v_admission_rollup where unit_code = '%s' and year = %d and hierarchy = '%s'"
                .formatted(unit, year, hierarchy));
    }

    private static Map<String, Object> reconciliation(String unit, String period) {
        return one(home, "select * from v_rollup_reconciliation where unit_code = '%s' and period = '%s' "
                .formatted(unit, period) + "and indicator = 'admitted' and category = 'total'");
    }

    private static List<Object> rate(String unit, int year, int month) {
        Map<String, Object> r = one(home, "select * from v_reporting_rate where unit_code = '%s' and year = %d and month = %d"
                .formatted(unit, year, month));
        return List.of(r.get("expected_reports"), r.get("actual_reports"), r.get("on_time_reports"), r.get("reporting_rate_pct"),
                r.get("on_time_rate_pct"));
    }
}
