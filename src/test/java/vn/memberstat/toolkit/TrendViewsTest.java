package vn.memberstat.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.one;
import static vn.memberstat.support.Memberstat.query;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;

/**
 * v_monthly_trend, v_screening_trend, v_member_balance and v_admission_projection on sample-input, with one
 * file more that gives Thanh Xuân a year before its 2023 screening and the ward TXT a 2022 beside its 2021
 * months. Every figure worked out by hand in the comments.
 */
final class TrendViewsTest {
    @TempDir
    static Path temp;
    private static Path home;

    @BeforeAll
    static void runNightlyOnSamplePlusOneFile() {
        Path inbox = Memberstat.copySample(temp.resolve("inbox"));
        Memberstat.write(inbox, "2022/HN.TX/bo-sung/2022-bo-sung.csv", Memberstat.LONG_HEADER
                + "HN.TX,2021-12,members,total,20500,\n"
                + "HN.TX,2022,removed,total,10,\n"
                + "HN.TX,2022,removed,struck_off,6,\n"
                + "HN.TX.TXT,2022-01,admitted,total,1,\n"
                + "HN.TX.TXT,2022-02,admitted,total,0,\n"
                + "HN.TX.TXT,2022-03,admitted,total,4,\n"
                + "HN.TX.TXT,2022-04,admitted,total,1,\n"
                + "HN.TX.TXT,2022-05,admitted,total,2,\n");
        home = temp.resolve("home");
        Memberstat.Result r = Memberstat.nightly(home, inbox, "2026-06-30");
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @Test
    void monthlyTrendComparesTheSameMonthLastYear() {
        assertThat(trend("HN.TX.TXT", "admitted", 2022, 3)).containsEntry("value", 4.0)
                .containsEntry("value_same_month_last_year", 2.0).containsEntry("change_pct", 100.0);
        assertThat(trend("HN.TX.TXT", "admitted", 2022, 2)).containsEntry("change_pct", -100.0);
        // January 2021 was 0: no per cent of nothing
        assertThat(trend("HN.TX.TXT", "admitted", 2022, 1)).containsEntry("value_same_month_last_year", 0.0)
                .containsEntry("change_pct", null);
        // a single month derived from two year-to-date figures: 96 (Jan-May) - 72 (Jan-Apr)
        assertThat(trend("HN.TX", "admitted", 2024, 5)).containsEntry("value", 24.0).containsEntry("source", "difference")
                .containsEntry("indicator_label_vi", "Kết nạp đảng viên").containsEntry("category_label_vi", "Tổng số");
        // a stock at the end of the month: 20755 against 20688, 100 x 67 / 20688 = 0.32
        assertThat(trend("HN.TX", "members", 2023, 12)).containsEntry("value", 20755.0)
                .containsEntry("value_same_month_last_year", 20688.0).containsEntry("change_pct", 0.32).containsEntry("kind", "stock");
        // quarters are no single months
        assertThat(query(home, "select * from v_monthly_trend where unit_code = 'HN.TX' and year = 2022 and indicator = 'admitted'"))
                .isEmpty();
    }

    @Test
    void screeningTrendComparesTheRatePerThousandOverTheSameMonths() {
        // 2023: 12 / 20688 = 0.58 per 1,000; 2022: 10 / 20500 = 0.49; change 0.09
        assertThat(screening("HN.TX", "total", 2023)).containsEntry("removed_per_1000_members", 0.58)
                .containsEntry("change_per_1000_vs_last_year", 0.09);
        // struck off: 8 / 20688 = 0.39 against 6 / 20500 = 0.29
        assertThat(screening("HN.TX", "struck_off", 2023)).containsEntry("change_per_1000_vs_last_year", 0.10)
                .containsEntry("reason_label_vi", "Xóa tên");
        // nothing expelled was reported for 2022
        assertThat(screening("HN.TX", "expelled", 2023)).containsEntry("change_per_1000_vs_last_year", null);
        // 2024 runs to April; 2023 has no January-April figure
        assertThat(screening("HN.TX", "total", 2024)).containsEntry("through_month", 4)
                .containsEntry("change_per_1000_vs_last_year", null);
    }

    @Test
    void memberBalanceShowsTheGap() {
        // 20688 + 213 + 412 - 12 - 148 - 398 = 20755, as reported
        assertThat(balance("HN.TX", 2023)).containsEntry("members_at_start", 20688L).containsEntry("admitted", 213L)
                .containsEntry("transferred_in", 412L).containsEntry("removed", 12L).containsEntry("deceased", 148L)
                .containsEntry("transferred_out", 398L).containsEntry("members_at_end_expected", 20755L)
                .containsEntry("members_at_end", 20755L).containsEntry("gap", 0L);
        // 2024 to April, the last month with members: 20755 + 72 + 131 - 3 - 57 - 126 = 20772
        assertThat(balance("HN.TX", 2024)).containsEntry("through_month", 4).containsEntry("members_at_end_expected", 20772L)
                .containsEntry("gap", 0L);
        // 20500 + 210 admitted - 10 removed (no transfers or deaths reported in 2022) = 20700; 20688 reported
        assertThat(balance("HN.TX", 2022)).containsEntry("members_at_end_expected", 20700L).containsEntry("gap", -12L);
        // removals reported only to September: the year's figure is missing, so is the gap
        assertThat(balance("VP.VT.YB", 2024)).containsEntry("removed", null).containsEntry("gap", null);
        // no December before: nothing to start from
        assertThat(balance("HN.CG.DV", 2024)).containsEntry("members_at_end", 45L).containsEntry("gap", null);
    }

    @Test
    void projectionUsesTheUnitsOwnSeasonsWhereItHasThem() {
        // TXT 2022 to May: 8. In 2021 it had 7 of its 14 by May, half the year: 8 / 0.5 = 16 (pro rata: 19)
        assertThat(projection("HN.TX.TXT", 2022)).containsEntry("through_month", 5).containsEntry("admitted_count", 8L)
                .containsEntry("projected_count", 16L).containsEntry("method", "seasonal").containsEntry("history_years", 1L);
        // HN.TX 2025 to June: 118. 2022 is its one year known both to June (Q1 + Q2 = 99) and whole (210):
        // 118 x 210 / 99 = 250.3 -> 250, against a quota of 210: 119.05 %
        assertThat(projection("HN.TX", 2025)).containsEntry("projected_count", 250L).containsEntry("quota_count", 210L)
                .containsEntry("projected_attainment_pct", 119.05).containsEntry("will_miss_quota", false)
                .containsEntry("method", "seasonal");
        // HN.TX 2024 to May: no earlier year known to May, so 96 x 12 / 5 = 230.4 -> 230
        assertThat(projection("HN.TX", 2024)).containsEntry("projected_count", 230L).containsEntry("method", "pro_rata");
        assertThat(projection("HN.TX", 2023)).containsEntry("projected_count", 213L).containsEntry("method", "year_complete");
        // HN.TX.THD has no whole earlier year: 2 by June x 12 / 6 = 4, and no quota
        assertThat(projection("HN.TX.THD", 2024)).containsEntry("projected_count", 4L).containsEntry("will_miss_quota", null);
    }

    private static Map<String, Object> trend(String unit, String indicator, int year, int month) {
        return one(home, "select * from v_monthly_trend where unit_code = '%s' and indicator = '%s' and category = 'total' and year = %d and month = %d"
                .formatted(unit, indicator, year, month));
    }

    private static Map<String, Object> screening(String unit, String reason, int year) {
        return one(home, "select * from v_screening_trend where unit_code = '%s' and reason = '%s' and year = %d".formatted(unit, reason, year));
    }

    private static Map<String, Object> balance(String unit, int year) {
        return one(home, "select * from v_member_balance where unit_code = '%s' and year = %d".formatted(unit, year));
    }

    private static Map<String, Object> projection(String unit, int year) {
        return one(home, "select * from v_admission_projection where unit_code = '%s' and year = %d".formatted(unit, year));
    }
}
