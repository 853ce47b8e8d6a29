package vn.memberstat.check;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;

/**
 * Each data-quality rule of SUBMISSION-FORMAT.md, triggered by one unit of a small inbox with its
 * documented severity; then a correction in a later run clears what it fixes, and a finding that
 * still holds is recomputed, not repeated. Later runs touch one year each: the rules still read the
 * history earlier runs loaded, and a corrected year's successor is derived again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class FindingRulesTest {
    @TempDir
    static Path temp;
    private static Path inbox;
    private static Path home;
    private static Memberstat.Result first;

    @BeforeAll
    static void runNightlyOnAnInboxWithOneProblemPerUnit() {
        inbox = temp.resolve("inbox");
        home = temp.resolve("home");
        Memberstat.write(inbox, "registry.csv", Memberstat.REGISTRY_HEADER + """
                HN,Thành ủy Hà Nội,,1,city,1930-03-17,,
                HN.TX,Quận ủy Thanh Xuân,HN,2,urban_district,1997-01-01,,
                HN.TX.R1,Chi bộ Trường THPT Nhân Chính,HN.TX,3,school_high,2010-01-01,,
                HN.TX.R2,Chi bộ Trường THPT Trần Hưng Đạo,HN.TX,3,school_high,2010-01-01,,
                HN.CE,Đảng bộ Khối doanh nghiệp,HN,2,bloc,2010-01-01,,
                HN.YD,Quận ủy Đống Đa,HN,2,urban_district,1997-01-01,,
                HN.YR,Quận ủy Hai Bà Trưng,HN,2,urban_district,1997-01-01,,
                HN.YI,Quận ủy Hoàn Kiếm,HN,2,urban_district,1997-01-01,,
                HN.SI,Quận ủy Ba Đình,HN,2,urban_district,1997-01-01,,
                HN.MB,Quận ủy Tây Hồ,HN,2,urban_district,1997-01-01,,
                HN.OL,Quận ủy Long Biên,HN,2,urban_district,1997-01-01,,
                HN.OL2,Quận ủy Hà Đông,HN,2,urban_district,1997-01-01,,
                """);
        Memberstat.write(inbox, "2025/bao-cao.csv", Memberstat.LONG_HEADER + """
                HN.CE,2024,admitted,total,5,
                HN.CE,2024,admitted,thpt_student,7,category above its total
                HN.YD,2024-Q1,admitted,total,10,
                HN.YD,2024-H1,admitted,total,8,January-June below January-March
                HN.YR,2024-01..2024-02,removed,total,5,
                HN.YR,2024-01..2024-04,removed,total,5,
                HN.YR,2024-01..2024-05,removed,total,3,below the 5 first reached with February
                HN.YI,2024-Q1,admitted,total,10,
                HN.YI,2024-Q2,admitted,total,12,
                HN.YI,2024-H1,admitted,total,25,Q1 + Q2 = 22
                HN.SI,2024,members,total,100,
                HN.SI,2024,members,official,80,
                HN.SI,2024,members,probationary,15,80 + 15 = 95
                HN.TX,2024,members,total,300,
                HN.TX.R1,2024,members,total,100,
                HN.TX.R2,2024,members,total,150,children 250
                HN.MB,2023,members,total,100,
                HN.MB,2024,admitted,total,5,
                HN.MB,2024,members,total,110,100 + 5 = 105
                HN.OL,2024-01,admitted,total,1,
                HN.OL,2024-02,admitted,total,2,
                HN.OL,2024-03,admitted,total,3,
                HN.OL,2024-04,admitted,total,2,
                HN.OL,2024-05,admitted,total,2,
                HN.OL,2024-06,admitted,total,3,
                HN.OL,2024-07,admitted,total,30,median of the six months before is 2
                HN.OL2,2023-07,admitted,total,2,
                HN.OL2,2023-08,admitted,total,2,
                HN.OL2,2023-09,admitted,total,2,
                HN.OL2,2023-10,admitted,total,2,
                HN.OL2,2023-11,admitted,total,2,
                HN.OL2,2023-12,admitted,total,2,
                HN.OL2,2025-01,admitted,total,30,twenty-four months back reach July 2023
                """);
        first = Memberstat.nightly(home, inbox, "2025-06-30");
    }

    @Test
    @Order(1)
    void eachRuleFindsItsUnitWithItsSeverity() {
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("quality  9 findings of this run (5 error, 4 warning)");
        assertThat(findings()).containsExactly(
                "CATEGORY_EXCEEDS_TOTAL error HN.CE 2024 admitted/thpt_student: thpt_student = 7 is above total = 5",
                "MEMBER_BALANCE warning HN.MB 2024-12 members/total: members 110 at the end of 2024-12, expected 105 = 100 + 5 net flows",
                // 1 2 3 2 2 3: median 2, deviations 1 0 1 0 0 1, MAD 0.5: 0.6745 x (30 - 2) / 0.5 = 37.77
                "OUTLIER warning HN.OL 2024-07 admitted/total: admitted 30 in one month; median of the previous 6 months 2.0, modified z-score 37.8",
                "OUTLIER warning HN.OL2 2025-01 admitted/total: admitted 30 in one month; median of the previous 6 months 2.0, modified z-score unbounded (those months all alike)",
                "ROLLUP_MISMATCH warning HN.TX 2024 members/total: own report 300, sum of its children 250 (2 of 2 children reported)",
                "STOCK_IDENTITY error HN.SI 2024 members/total: official 80 + probationary 15 = 95, total is 100",
                "YTD_DECREASED error HN.YD 2024-01..2024-06 admitted/total: January-6 = 8 is below January-3 = 10",
                "YTD_DECREASED error HN.YR 2024-01..2024-05 removed/total: January-5 = 3 is below January-2 = 5",
                "YTD_INCONSISTENT error HN.YI 2024-01..2024-06 admitted/total: January-6: reported periods give values from 22 to 25;"
                        + " the exact period's 25 is used");
    }

    @Test
    @Order(1)
    void everyFindingCodeOfTheContractHasADocumentedSeverity() {
        Map<String, Object> severities = query(home, "select rule_code, severity from dq_rule").stream()
                .collect(Collectors.toMap(r -> (String) r.get("rule_code"), r -> r.get("severity")));
        assertThat(severities).containsExactlyInAnyOrderEntriesOf(Map.of(
                "CATEGORY_EXCEEDS_TOTAL", "error", "YTD_DECREASED", "error", "YTD_INCONSISTENT", "error",
                "STOCK_IDENTITY", "error", "ROLLUP_MISMATCH", "warning", "MEMBER_BALANCE", "warning", "OUTLIER", "warning",
                "WAREHOUSE_CHECK", "warning"));
    }

    @Test
    @Order(2)
    void aCorrectionInALaterRunClearsWhatItFixes() throws Exception {
        // sent the day after the first report
        sendAndRun("2025/dinh-chinh.csv", 1, "2025-07-31", """
                HN.CE,2024,admitted,total,8,
                HN.CE,2024,admitted,thpt_student,7,
                HN.YD,2024-H1,admitted,total,12,
                HN.YR,2024-01..2024-05,removed,total,6,
                HN.YI,2024-H1,admitted,total,22,
                HN.MB,2024,admitted,total,10,
                HN.OL,2024-07,admitted,total,3,
                HN.OL2,2023-07,admitted,total,12,
                HN.OL2,2023-08,admitted,total,12,
                HN.OL2,2023-09,admitted,total,12,
                HN.OL2,2023-10,admitted,total,12,
                HN.OL2,2023-11,admitted,total,12,
                HN.OL2,2023-12,admitted,total,12,
                HN.TX,2024,members,total,260,still not the children's 250
                """);

        assertThat(findings()).as("STOCK_IDENTITY was not corrected; the roll-up still differs, recomputed once").containsExactly(
                // the corrected history is six months of 12 exactly: 30 is unboundedly far from it, and 18 above it
                "OUTLIER warning HN.OL2 2025-01 admitted/total: admitted 30 in one month; median of the previous 6 months 12.0, modified z-score unbounded (those months all alike)",
                "ROLLUP_MISMATCH warning HN.TX 2024 members/total: own report 260, sum of its children 250 (2 of 2 children reported)",
                "STOCK_IDENTITY error HN.SI 2024 members/total: official 80 + probationary 15 = 95, total is 100");
        assertThat(query(home, "select rule_code, run_id from dq_finding order by rule_code"))
                .extracting(r -> r.get("rule_code") + " " + r.get("run_id"))
                .containsExactly("OUTLIER 2025-07-31", "ROLLUP_MISMATCH 2025-07-31", "STOCK_IDENTITY 2025-06-30");
    }

    @Test
    @Order(3)
    void aChildsCorrectionAloneRecomputesItsParentsRollUp() throws Exception {
        // the run touches 2024 alone: the first year of its scope, whose values the roll-up sums must still read
        sendAndRun("2025/dinh-chinh-2.csv", 2, "2025-08-31", """
                HN.TX.R2,2024,members,total,155,
                """);

        assertThat(findings()).containsExactly(
                "OUTLIER warning HN.OL2 2025-01 admitted/total: admitted 30 in one month; median of the previous 6 months 12.0, modified z-score unbounded (those months all alike)",
                "ROLLUP_MISMATCH warning HN.TX 2024 members/total: own report 260, sum of its children 255 (2 of 2 children reported)",
                "STOCK_IDENTITY error HN.SI 2024 members/total: official 80 + probationary 15 = 95, total is 100");
    }

    @Test
    @Order(4)
    void aRunOfOneYearReadsTheHistoryEarlierRunsLoaded() throws Exception {
        // 2025 alone: the balance starts from December 2024's members, the outlier's median reaches back into 2023
        sendAndRun("2026/bao-cao.csv", 3, "2026-01-31", """
                HN.MB,2025,admitted,total,5,
                HN.MB,2025,members,total,120,110 + 5 = 115
                HN.OL2,2025-02,admitted,total,40,the median of 2023's six months and January 2025 is 12
                """);

        assertThat(findings()).containsExactly(
                "MEMBER_BALANCE warning HN.MB 2025-12 members/total: members 120 at the end of 2025-12, expected 115 = 110 + 5 net flows",
                "OUTLIER warning HN.OL2 2025-01 admitted/total: admitted 30 in one month; median of the previous 6 months 12.0, modified z-score unbounded (those months all alike)",
                // six months of 12 and 30: median 12, MAD 0, mean deviation 18 / 7: (40 - 12) / (1.2533 x 2.571) = 8.69
                "OUTLIER warning HN.OL2 2025-02 admitted/total: admitted 40 in one month; median of the previous 7 months 12.0, modified z-score 8.7",
                "ROLLUP_MISMATCH warning HN.TX 2024 members/total: own report 260, sum of its children 255 (2 of 2 children reported)",
                "STOCK_IDENTITY error HN.SI 2024 members/total: official 80 + probationary 15 = 95, total is 100");
    }

    @Test
    @Order(5)
    void aCorrectionOfLastYearRecomputesTheYearAfter() throws Exception {
        // 2024 corrected: 2025, already loaded, starts from its December again (its stocks are derived anew)
        sendAndRun("2026/dinh-chinh.csv", 4, "2026-02-28", """
                HN.MB,2024,members,total,115,
                """);

        assertThat(findings()).filteredOn(f -> f.startsWith("MEMBER_BALANCE")).containsExactly(
                "MEMBER_BALANCE warning HN.MB 2024-12 members/total: members 115 at the end of 2024-12, expected 110 = 100 + 10 net flows");
        assertThat(query(home, "select year, month, stock_value from fct_stock where unit_code = 'HN.MB' order by year"))
                .extracting(r -> r.get("year") + "-" + r.get("month") + " " + r.get("stock_value"))
                .containsExactly("2023-12 100.0", "2024-12 115.0", "2025-12 120.0");
    }

    /** A file of {@code rows} sent {@code days} after the first report, then the nightly run of {@code runDate}, which must complete. */
    private static void sendAndRun(String name, int days, String runDate, String rows) throws IOException {
        Path file = Memberstat.write(inbox, name, Memberstat.LONG_HEADER + rows);
        Files.setLastModifiedTime(file, FileTime.from(Memberstat.OLD.plusSeconds(days * 86_400L)));
        Memberstat.Result result = Memberstat.nightly(home, inbox, runDate);
        assertThat(result.exitCode()).as(result.err()).isZero();
    }

    private static List<String> findings() {
        return query(home, "select * from dq_finding order by rule_code, unit_code, period").stream()
                .map(f -> f.get("rule_code") + " " + f.get("severity") + " " + f.get("unit_code") + " " + f.get("period") + " "
                        + f.get("indicator") + "/" + f.get("category") + ": " + f.get("detail"))
                .toList();
    }
}
