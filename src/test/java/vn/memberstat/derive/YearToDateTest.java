package vn.memberstat.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.one;
import static vn.memberstat.support.Memberstat.query;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;

/** The year-to-date rule of the contract: exact periods, tilings, gaps, overlaps, months by difference. */
final class YearToDateTest {
    @TempDir
    static Path temp;
    private static Path home;

    @BeforeAll
    static void run() {
        Path inbox = temp.resolve("inbox");
        Memberstat.write(inbox, "registry.csv", """
                unit_code,unit_name,parent_code,level,unit_type,valid_from,valid_to,successor_code
                P,Tỉnh ủy P,,1,province,1990-01-01,,
                A,Đảng bộ A,P,3,commune,2000-01-01,,
                W,Đảng ủy phường W,P,3,ward,2024-07-01,,
                """);
        Memberstat.write(inbox, "a.csv", """
                unit_code,period,indicator,category,value,comment
                A,2024-Q1,admitted,,10,
                A,2024-04,admitted,,5,
                A,2024-05..2024-06,admitted,,8,
                A,2024-H1,admitted,,25,exact January-June disagrees with the tiling 10 + 5 + 8
                A,2024-01..2024-02,admitted,,6,overlaps Q1: no tiling with Q1 but an exact January-February
                A,2024-08,admitted,,3,July is missing: no year-to-date for August
                A,2024-01,removed,,1,
                A,2024-02,removed,,0,
                A,2024-03,removed,,2,
                W,2024-07..2024-09,admitted,,4,a ward founded on 1/7/2024 counts its year from July
                A,2024-01,transferred_in,,2,every period from January: each is its own year-to-date
                A,2024-01..2024-02,transferred_in,,5,
                A,2024-01..2024-03,transferred_in,,9,
                W,2024-07..2024-08,removed,,3,two starts (its founding month and January) end in August
                W,2024-01..2024-08,removed,,3,
                A,2024-01,deceased,,1,one period after another: a running sum
                A,2024-02..2024-03,deceased,,2,
                A,2024-05,deceased,,1,April is missing: nothing from May on
                A,2024-06,deceased,,1,
                A,2024-02..2024-03,transferred_out,,4,does not start in January: no year-to-date
                A,2024-04,transferred_out,,1,
                """);
        home = temp.resolve("home");
        Memberstat.Result r = Memberstat.nightly(home, inbox, "2025-01-10");
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    private static Map<Integer, Double> ytd(String unit, String indicator) {
        return query(home, "select through_month, ytd_value from fct_flow_ytd where unit_code = '%s' and indicator_code = '%s'"
                .formatted(unit, indicator)).stream()
                .collect(Collectors.toMap(r -> (Integer) r.get("through_month"), r -> (Double) r.get("ytd_value")));
    }

    @Test
    void yearToDateComesFromExactPeriodsOrTilings() {
        // 2: exact; 3: Q1; 4: Q1 + April; 6: exact H1 (25) wins over the tiling (23); 8: July missing
        assertThat(ytd("A", "admitted")).isEqualTo(Map.of(2, 6.0, 3, 10.0, 4, 15.0, 6, 25.0));
        assertThat(ytd("A", "removed")).isEqualTo(Map.of(1, 1.0, 2, 1.0, 3, 3.0));
    }

    @Test
    void aSeriesWithoutOverlapsIsARunningSumUpToItsFirstGap() {
        assertThat(ytd("A", "deceased")).isEqualTo(Map.of(1, 1.0, 3, 3.0));
        assertThat(ytd("A", "transferred_out")).isEmpty();
        assertThat(ytd("W", "admitted")).as("founded in July, its year starts then").isEqualTo(Map.of(9, 4.0));
        assertThat(query(home, "select month, month_value, source from fct_flow_month "
                + "where unit_code = 'A' and indicator_code = 'deceased' order by month"))
                .extracting(m -> m.get("month") + ":" + m.get("month_value") + ":" + m.get("source"))
                .containsExactly("1:1.0:reported", "5:1.0:reported", "6:1.0:reported");
    }

    @Test
    void periodsAllFromJanuaryAreEachTheirOwnYearToDate() {
        assertThat(ytd("A", "transferred_in")).isEqualTo(Map.of(1, 2.0, 2, 5.0, 3, 9.0));
        assertThat(query(home, "select is_exact, candidate_count from fct_flow_ytd where unit_code = 'A' and indicator_code = 'transferred_in'"))
                .extracting(r -> r.get("is_exact") + ":" + r.get("candidate_count")).containsOnly("true:1");
        // periods from two different starts ending in the same month: one figure for August, not two
        assertThat(query(home, "select through_month, ytd_value, candidate_count from fct_flow_ytd "
                + "where unit_code = 'W' and indicator_code = 'removed'"))
                .extracting(r -> r.get("through_month") + ":" + r.get("ytd_value") + ":" + r.get("candidate_count"))
                .containsExactly("8:3.0:1");
    }

    @Test
    void disagreementBetweenExactAndTilingIsAFinding() {
        Map<String, Object> f = one(home, "select * from dq_finding where rule_code = 'YTD_INCONSISTENT'");
        assertThat(f).containsEntry("unit_code", "A").containsEntry("severity", "error");
        assertThat((String) f.get("detail")).contains("23").contains("25");
        assertThat(one(home, "select candidate_count, min_value, max_value, is_exact from fct_flow_ytd "
                + "where unit_code = 'A' and indicator_code = 'admitted' and through_month = 6"))
                .containsEntry("candidate_count", 2).containsEntry("min_value", 23.0).containsEntry("max_value", 25.0)
                .containsEntry("is_exact", true);
    }

    @Test
    void singleMonthsAreReportedOrTheDifferenceOfKnownYearToDates() {
        List<Map<String, Object>> months = query(home, "select month, month_value, source from fct_flow_month "
                + "where unit_code = 'A' and indicator_code = 'admitted' order by month");
        assertThat(months).extracting(m -> m.get("month") + ":" + m.get("month_value") + ":" + m.get("source"))
                .containsExactly("3:4.0:difference", "4:5.0:reported", "8:3.0:reported");
    }

    @Test
    void attainmentUsesTheLastKnownMonth() {
        assertThat(one(home, "select through_month, admitted_count from v_admission_attainment where unit_code = 'A'"))
                .containsEntry("through_month", 6).containsEntry("admitted_count", 25L);
        assertThat(one(home, "select through_month, admitted_count from v_admission_attainment where unit_code = 'W'"))
                .containsEntry("through_month", 9).containsEntry("admitted_count", 4L);
    }
}
