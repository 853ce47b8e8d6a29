package vn.memberstat.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;

/**
 * The analysts' cookbook (warehouse-sql/queries/) on sample-input: each question's answer pinned by figures worked
 * out by hand (src/test/resources/sample-expected.md where it has them). Answers are read for the sample's own
 * units, so units added to the sample later do not change them.
 */
final class CookbookTest {
    private static final Path QUERIES = Path.of("warehouse-sql/queries");
    private static final String SAMPLE_UNITS = "unit_code in ('HN', 'HN.TX', 'HN.CG', 'HN.P-TX', 'HN.P-CG', 'PT', 'PT.X-VT', 'VP',"
            + " 'VP.VT', 'VP.VT.YB', 'VP.VT.YB.TH', 'HN.TX.TXT', 'HN.TX.THD', 'HN.TX.NC', 'HN.TX.CTA', 'HN.CG.CGS', 'HN.CG.DV')";
    @TempDir
    static Path temp;
    private static Path home;

    @BeforeAll
    static void runNightlyOnSample() throws IOException {
        Path inbox = Memberstat.copySample(temp.resolve("inbox"));
        // Thanh Xuân's May 2024 report arrived on 3 June 2024: on time
        Files.setLastModifiedTime(inbox.resolve("2024/HN.TX/2024-05-bao-cao.csv"),
                FileTime.from(LocalDateTime.of(2024, 6, 3, 10, 0).atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant()));
        home = temp.resolve("home");
        Memberstat.Result r = Memberstat.nightly(home, inbox, "2026-06-30");
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @Test
    void everyQueryHasAVietnameseAndEnglishTitleAndRuns() throws IOException {
        try (Stream<Path> files = Files.list(QUERIES)) {
            List<Path> queries = files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
            assertThat(queries).hasSizeGreaterThanOrEqualTo(15);
            for (Path q : queries) {
                String title = Files.readAllLines(q, StandardCharsets.UTF_8).get(0);
                assertThat(title).as(q.toString()).startsWith("-- ").contains(" / ");
                query(home, sql(q.getFileName().toString().replace(".sql", "")));   // runs without error
            }
        }
    }

    @Test
    void attainmentAndCategories() {
        assertThat(one("attainment_by_year", "unit_code = 'HN.TX' and year = 2021")).containsEntry("attainment_pct", 101.91);
        assertThat(one("attainment_by_year", "unit_code = 'HN.CG' and year = 2023")).containsEntry("admitted_count", 251L)
                .containsEntry("attainment_pct", 104.58);
        // 56 / 213; students 6 THPT and no university students
        assertThat(one("enterprise_and_student_share", "unit_code = 'HN.TX' and year = 2023")).containsEntry("enterprise_share_pct", 26.29)
                .containsEntry("students", 6L).containsEntry("student_share_pct", 2.82);
        // 9 THPT + 14 university = 23 of 251: 9.16
        assertThat(one("enterprise_and_student_share", "unit_code = 'HN.CG' and year = 2023")).containsEntry("student_share_pct", 9.16);
        assertThat(one("women_share", "unit_code = 'HN.CG' and year = 2023")).containsEntry("women_share_pct", 55.78);
        assertThat(one("women_share", "unit_code = 'HN.CG' and year = 2024")).containsEntry("women", 68L).containsEntry("women_share_pct", 53.97);
        assertThat(one("category_quota_attainment", "unit_code = 'HN.TX' and year = 2023")).containsEntry("attainment_pct", 150.0);
        assertThat(one("category_quota_attainment", "unit_code = 'HN.TX' and year = 2024")).containsEntry("attainment_pct", 100.0);
    }

    @Test
    void screeningBalanceAndTrend() {
        assertThat(one("removals_per_1000_members", "unit_code = 'HN.TX' and year = 2023 and reason = 'total'"))
                .containsEntry("removed_per_1000_members", 0.58);
        assertThat(one("removals_per_1000_members", "unit_code = 'VP.VT.YB' and year = 2024 and reason = 'struck_off'"))
                .containsEntry("removed_per_1000_members", 3.75);
        // 14985 + 251 + 356 - 12 - 121 - 219 = 15240
        assertThat(one("member_balance", "unit_code = 'HN.CG' and year = 2023")).containsEntry("members_at_end_expected", 15240L)
                .containsEntry("gap", 0L);
        assertThat(one("member_balance", "unit_code = 'HN.TX' and year = 2024")).containsEntry("through_month", 4).containsEntry("gap", 0L);
        // 96 (January-May) - 72 (January-April)
        assertThat(one("monthly_admissions_trend", "unit_code = 'HN.TX' and year = 2024 and month = 5"))
                .containsEntry("admitted", 24.0).containsEntry("source", "difference");
        assertThat(one("monthly_admissions_trend", "unit_code = 'HN.TX.TXT' and year = 2021 and month = 5")).containsEntry("admitted", 3.0);
    }

    @Test
    void paceTermAndProjection() {
        assertThat(rows("units_behind_pace", SAMPLE_UNITS)).extracting(r -> r.get("unit_code") + " " + r.get("year") + " "
                + r.get("ahead_of_pace_pct") + " " + r.get("is_behind"))
                .containsExactlyInAnyOrder("VP.VT.YB 2024 0.0 false", "VP.VT 2024 1.96 false", "HN.TX 2025 6.19 false", "HN.CG 2024 15.97 false");
        assertThat(one("term_progress", "unit_code = 'HN.TX'")).containsEntry("admitted_count", 850L).containsEntry("attainment_pct", 86.12);
        assertThat(one("term_progress", "unit_code = 'VP.VT'")).containsEntry("admitted_count", 1116L).containsEntry("attainment_pct", 93.0);
        // 118 x 210 / 99 = 250.3 (2022: 99 of 210 by June)
        assertThat(one("year_end_projection", "unit_code = 'HN.TX' and year = 2025")).containsEntry("projected_count", 250L)
                .containsEntry("method", "seasonal");
        // 126 x 12 / 6 = 252 against 191: 131.94 %
        assertThat(one("year_end_projection", "unit_code = 'HN.CG' and year = 2024")).containsEntry("projected_count", 252L)
                .containsEntry("projected_attainment_pct", 131.94).containsEntry("method", "pro_rata");
    }

    @Test
    void reportingCorrectionsAndQuality() {
        // May 2026 is the last month before the run; the units active then that have ever reported sent nothing
        assertThat(rows("units_not_reported_this_month", SAMPLE_UNITS)).extracting(r -> r.get("unit_code") + " " + r.get("month"))
                .containsExactlyInAnyOrder("HN.P-CG 5", "HN.P-TX 5", "PT.X-VT 5");
        // 2024: reports for April and May; May's arrived on 3 June: 1 of 12 months on time
        assertThat(one("reporting_on_time", "unit_code = 'HN.TX' and year = 2024")).containsEntry("reported", 2L)
                .containsEntry("on_time", 1L).containsEntry("on_time_pct", 8.33);
        assertThat(one("corrected_values", "unit_code = 'HN.CG' and category_code = 'total'")).containsEntry("old_value", 248.0)
                .containsEntry("current_value", 251.0);
        assertThat(one("corrected_values", "unit_code = 'HN.CG' and category_code = 'degree_university_plus'"))
                .containsEntry("current_value", null);
        assertThat(rows("admissions_as_known_on", "unit_code = 'HN.CG' and period = '2023'")).extracting(r -> r.get("category_code") + " " + r.get("value"))
                .containsExactlyInAnyOrder("age_18_30 203.0", "thpt_student 9.0", "total 251.0", "university_student 14.0", "women 140.0", "youth_union 189.0");
        assertThat(rows("findings_by_rule", SAMPLE_UNITS))
                .extracting(r -> r.get("rule_code") + " " + r.get("unit_code"))
                .containsExactlyInAnyOrder("CATEGORY_EXCEEDS_TOTAL HN.TX.NC", "STOCK_IDENTITY HN.TX.THD", "YTD_DECREASED VP.VT.YB",
                        "YTD_INCONSISTENT HN.TX", "ROLLUP_MISMATCH HN.CG.DV");
        assertThat(one("quarantine_by_file", "file_path = '2024/VP.VT/2024-xa-tan-tien.csv'")).containsEntry("reason_code", "BAD_VALUE")
                .containsEntry("rows_quarantined", 2L).containsEntry("first_line", 2L);
    }

    @Test
    void theSqlCommandRunsAQueryFile() {
        Memberstat.Result r = Memberstat.run("sql", "--home", home.toString(), "--format", "csv", "--file",
                QUERIES.resolve("term_progress.sql").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("HN.TX,2020-2025,987,850,86.12,2025,6");
        assertThat(Memberstat.run("sql", "--home", home.toString(), "--file", "no/such.sql").exitCode()).isEqualTo(2);
    }

    private static String sql(String name) {
        try {
            String text = Files.readString(QUERIES.resolve(name + ".sql"), StandardCharsets.UTF_8).strip();
            return text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Map<String, Object>> rows(String name, String where) {
        return query(home, "select * from (" + sql(name) + "\n) where " + where);
    }

    private static Map<String, Object> one(String name, String where) {
        List<Map<String, Object>> rows = rows(name, where);
        assertThat(rows).as(name + " where " + where).hasSize(1);
        return rows.get(0);
    }
}
