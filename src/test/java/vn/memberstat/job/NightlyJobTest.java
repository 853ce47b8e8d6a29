package vn.memberstat.job;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.count;
import static vn.memberstat.support.Memberstat.one;
import static vn.memberstat.support.Memberstat.query;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;

/**
 * The nightly job on sample-input, and the figures an analyst reads from each view, worked out by
 * hand in src/test/resources/sample-expected.md.
 */
final class NightlyJobTest {
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    @TempDir
    static Path temp;
    private static Path home;
    private static Memberstat.Result result;

    @BeforeAll
    static void runNightlyOnSample() throws Exception {
        Path inbox = Memberstat.copySample(temp.resolve("inbox"));
        // The May 2024 report of Thanh Xuân arrived on 3 June 2024: on time.
        Files.setLastModifiedTime(inbox.resolve("2024/HN.TX/2024-05-bao-cao.csv"),
                FileTime.from(LocalDateTime.of(2024, 6, 3, 10, 0).atZone(HANOI).toInstant()));
        home = temp.resolve("home");
        result = Memberstat.nightly(home, inbox, "2026-06-30");
    }

    @Test
    void runCompletesAndConservesEveryRow() {
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("COMPLETED").contains("read 364 = loaded 349 + quarantined 14 + duplicate 1");
        Map<String, Object> run = one(home, "select * from etl_run");
        assertThat(run).containsEntry("files_pulled", 56).containsEntry("rows_read", 364L).containsEntry("rows_loaded", 349L)
                .containsEntry("rows_quarantined", 14L).containsEntry("rows_duplicate", 1L);
        assertThat(count(home, "select * from dim_submission where rows_read <> rows_loaded + rows_quarantined + rows_duplicate"))
                .isZero();
        assertThat(count(home, "select * from fct_reported_value")).isEqualTo(310);
        assertThat(count(home, "select * from fct_value")).as("7 values superseded by the correction").isEqualTo(303);
    }

    @Test
    void quarantineHoldsEachBadRowWithItsReason() {
        Map<String, Long> byReason = query(home, "select reason_code, count(*) as n from quarantine group by all").stream()
                .collect(Collectors.toMap(r -> (String) r.get("reason_code"), r -> (Long) r.get("n")));
        assertThat(byReason).isEqualTo(Map.of("BAD_REGISTRY_ROW", 2L, "UNKNOWN_UNIT", 1L, "UNIT_NOT_ACTIVE", 1L, "BAD_PERIOD", 1L,
                "FUTURE_PERIOD", 1L, "UNKNOWN_INDICATOR", 1L, "UNKNOWN_CATEGORY", 1L, "PERIOD_NOT_ALLOWED", 2L, "BAD_VALUE", 2L,
                "CONFLICTING_DUPLICATE", 2L));
        assertThat(one(home, "select line_number, value_text from quarantine where reason_code = 'BAD_VALUE' and line_number = 2"))
                .containsEntry("value_text", "12.5");
        // the row before it has a quoted comment over two physical lines, so this one starts on line 19
        assertThat(one(home, "select file_path, line_number, unit_code from quarantine where reason_code = 'UNKNOWN_UNIT'"))
                .containsEntry("file_path", "2024/HN.TX/2024-05-bao-cao.csv").containsEntry("line_number", 19L)
                .containsEntry("unit_code", "HN.TX.TDH");
        assertThat(one(home, "select line_number from quarantine where reason_code = 'BAD_REGISTRY_ROW' and unit_code = 'HN.DD.KL'"))
                .containsEntry("line_number", 24L);
        assertThat(count(home, "select * from quarantine where raw_line is null or detail is null or is_resolved")).isZero();
    }

    @Test
    void attainmentFiguresMatchTheHandCalculation() {
        assertThat(attainment("HN.TX", 2021)).containsEntry("admitted_count", 213L).containsEntry("quota_count", 209L)
                .containsEntry("attainment_pct", 101.91).containsEntry("is_on_track", true);
        // the four quarters tile the year
        assertThat(attainment("HN.TX", 2022)).containsEntry("through_month", 12).containsEntry("admitted_count", 210L)
                .containsEntry("attainment_pct", 105.0);
        // the count quota 209 wins over the rate 1,0 % x 20688
        assertThat(attainment("HN.TX", 2023)).containsEntry("quota_count", 209L).containsEntry("attainment_pct", 101.91);
        assertThat(attainment("HN.TX", 2024)).containsEntry("through_month", 5).containsEntry("admitted_count", 96L)
                .containsEntry("attainment_pct", 45.93).containsEntry("expected_pct", 41.67).containsEntry("is_on_track", true);
        // the exact 2025-H1 (118) beats the tiling Q1 + Q2 (114)
        assertThat(attainment("HN.TX", 2025)).containsEntry("through_month", 6).containsEntry("admitted_count", 118L)
                .containsEntry("attainment_pct", 56.19);
        // the correction replaced 248 by 251
        assertThat(attainment("HN.CG", 2023)).containsEntry("admitted_count", 251L).containsEntry("attainment_pct", 104.58);
        // tiling Q1 + April + May..June; the rate quota 1,25 % x 15240 = 190.5 rounds half up to 191
        assertThat(attainment("HN.CG", 2024)).containsEntry("through_month", 6).containsEntry("admitted_count", 126L)
                .containsEntry("quota_count", 191L).containsEntry("attainment_pct", 65.97);
        assertThat(attainment("VP.VT.YB", 2023)).containsEntry("admitted_count", 8L).containsEntry("attainment_pct", 114.29);
        assertThat(attainment("VP.VT.YB", 2024)).containsEntry("quota_count", 7L).containsEntry("attainment_pct", 100.0)
                .containsEntry("expected_pct", 100.0).containsEntry("is_on_track", true);
        assertThat(attainment("HN.TX.CTA", 2022)).containsEntry("unit_name", "Chi bộ Công ty TNHH Thương mại Thanh An")
                .containsEntry("admitted_count", 4L).containsEntry("quota_count", null);
        assertThat(attainment("HN.TX.CTA", 2023)).containsEntry("unit_name", "Đảng bộ Công ty Cổ phần Tập đoàn Thanh An")
                .containsEntry("admitted_count", 7L);
        assertThat(attainment("VP.VT", 2023)).containsEntry("quota_count", null).containsEntry("attainment_pct", null)
                .containsEntry("is_on_track", null);
        assertThat(attainment("VP.VT", 2024)).containsEntry("attainment_pct", 101.96);
    }

    @Test
    void categorySharesMatchTheHandCalculation() {
        assertThat(category("HN.TX", 2023, "thpt_student")).containsEntry("admitted_count", 6L)
                .containsEntry("share_of_total_pct", 2.82).containsEntry("quota_count", 4L).containsEntry("attainment_pct", 150.0);
        assertThat(category("HN.TX", 2023, "nonstate_enterprise_worker")).containsEntry("share_of_total_pct", 26.29);
        assertThat(category("HN.TX", 2024, "thpt_student")).containsEntry("through_month", 5).containsEntry("admitted_count", 8L)
                .containsEntry("share_of_total_pct", 8.33).containsEntry("attainment_pct", 100.0);
        assertThat(category("HN.TX", 2022, "nonstate_enterprise_worker")).containsEntry("share_of_total_pct", 20.48);
        assertThat(query(home, "select category from v_admission_by_category where unit_code = 'HN.CG' and year = 2023 order by 1"))
                .as("the correction left degree_university_plus out, so it no longer counts")
                .extracting(r -> r.get("category"))
                .containsExactly("age_18_30", "thpt_student", "university_student", "women", "youth_union");
        assertThat(category("HN.CG", 2023, "women")).containsEntry("share_of_total_pct", 55.78);
        assertThat(category("HN.CG", 2024, "women")).containsEntry("admitted_count", 68L).containsEntry("share_of_total_pct", 53.97);
    }

    @Test
    void termProgressMatchesTheHandCalculation() {
        assertThat(one(home, "select * from v_term_progress where unit_code = 'HN.TX' and term = '2020-2025'"))
                .containsEntry("quota_count", 987L).containsEntry("admitted_count", 850L).containsEntry("attainment_pct", 86.12)
                .containsEntry("through_year", 2025).containsEntry("through_month", 6);
        assertThat(one(home, "select * from v_term_progress where unit_code = 'VP.VT' and term = '2020-2025'"))
                .containsEntry("quota_count", 1200L).containsEntry("admitted_count", 1116L).containsEntry("attainment_pct", 93.0);
    }

    @Test
    void screeningRatesMatchTheHandCalculation() {
        assertThat(screening("HN.TX", 2023, "total")).containsEntry("removed_count", 12L).containsEntry("members_at_start", 20688L)
                .containsEntry("removed_per_1000_members", 0.58);
        assertThat(screening("HN.TX", 2023, "expelled")).containsEntry("removed_per_1000_members", 0.05);
        assertThat(screening("HN.TX", 2023, "struck_off")).containsEntry("removed_per_1000_members", 0.39);
        assertThat(screening("HN.CG", 2023, "total")).containsEntry("removed_per_1000_members", 0.80);
        assertThat(screening("HN.CG", 2024, "total")).containsEntry("members_at_start", 15240L)
                .containsEntry("removed_per_1000_members", 0.33);
        assertThat(screening("VP.VT.YB", 2024, "total")).containsEntry("removed_per_1000_members", 3.75);
        assertThat(screening("VP.VT", 2024, "total")).containsEntry("removed_count", 9L).containsEntry("members_at_start", null)
                .containsEntry("removed_per_1000_members", null);
    }

    @Test
    void findingsAreExactlyTheFivePlantedOnes() {
        List<Map<String, Object>> findings = query(home,
                "select rule_code, severity, unit_code, indicator, category from dq_finding order by rule_code");
        assertThat(findings).extracting(f -> f.get("rule_code") + " " + f.get("severity") + " " + f.get("unit_code") + " "
                + f.get("indicator") + "/" + f.get("category")).containsExactly(
                "CATEGORY_EXCEEDS_TOTAL error HN.TX.NC admitted/thpt_student",
                "ROLLUP_MISMATCH warning HN.CG.DV members/total",
                "STOCK_IDENTITY error HN.TX.THD members/total",
                "YTD_DECREASED error VP.VT.YB admitted/total",
                "YTD_INCONSISTENT error HN.TX admitted/total");
    }

    @Test
    void completenessShowsWhatArrivedAndWhen() {
        Map<String, Object> may = one(home, "select * from v_submission_completeness where unit_code = 'HN.TX' and year = 2024 and month = 5");
        assertThat(may).containsEntry("is_reported", true).containsEntry("is_on_time", true);
        Map<String, Object> april = one(home, "select * from v_submission_completeness where unit_code = 'HN.TX' and year = 2024 and month = 4");
        assertThat(april).containsEntry("is_reported", true).containsEntry("is_on_time", false);
        Map<String, Object> june = one(home, "select * from v_submission_completeness where unit_code = 'HN.TX' and year = 2024 and month = 6");
        assertThat(june).containsEntry("is_reported", false).containsEntry("first_received_at", null);
        assertThat(count(home, "select * from v_submission_completeness where unit_code = 'HN.TX' and year = 2025 and month > 6"))
                .as("Thanh Xuân district ended on 30/6/2025").isZero();
    }

    @Test
    void aSecondRunForTheSameDateDoesNothingNew() {
        Memberstat.Result again = Memberstat.nightly(home, temp.resolve("inbox"), "2026-06-30");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).containsPattern("^memberstat nightly 2026-06-30: already completed at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2};")
                .contains("nothing new");
        assertThat(count(home, "select * from fct_reported_value")).isEqualTo(310);
    }

    private Map<String, Object> attainment(String unit, int year) {
        return one(home, "select * from v_admission_attainment where unit_code = '%s' and year = %d".formatted(unit, year));
    }

    private Map<String, Object> category(String unit, int year, String category) {
        return one(home, "select * from v_admission_by_category where unit_code = '%s' and year = %d and category = '%s'"
                .formatted(unit, year, category));
    }

    private Map<String, Object> screening(String unit, int year, String reason) {
        return one(home, "select * from v_screening_by_year where unit_code = '%s' and year = %d and reason = '%s'"
                .formatted(unit, year, reason));
    }
}
