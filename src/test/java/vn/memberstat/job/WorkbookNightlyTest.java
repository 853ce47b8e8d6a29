package vn.memberstat.job;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.one;
import static vn.memberstat.support.Memberstat.query;
import static vn.memberstat.support.Workbooks.date;
import static vn.memberstat.support.Workbooks.formula;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;
import vn.memberstat.support.Workbooks;

/**
 * A nightly run over an inbox of workbooks written with POI: each layout, several sheets, numbers as text, a date
 * in the period column, a formula, blank rows; and the files units get wrong (a protected workbook, an old .xls, a
 * zip bomb, a PDF, a CSV saved in Windows-1258). A second run replaces the protected workbook at the same path.
 */
final class WorkbookNightlyTest {
    private static final String FORM = "Mã đơn vị;Kỳ báo cáo;Kết nạp đảng viên - Tổng số;Kết nạp đảng viên - Học sinh THPT"
            + ";Tổng số đảng viên;Ghi chú";
    @TempDir
    static Path temp;
    private static Path inbox;
    private static Path home;
    private static Memberstat.Result first;

    @BeforeAll
    static void runNightly() throws IOException {
        inbox = temp.resolve("inbox");
        Path registry = inbox.resolve("registry/units.csv");
        Files.createDirectories(registry.getParent());
        Files.copy(Memberstat.SAMPLE_INPUT.resolve("registry/units.csv"), registry);
        Files.setLastModifiedTime(registry, FileTime.from(Memberstat.OLD.minusSeconds(86_400)));

        XSSFWorkbook longBook = Workbooks.xlsx();
        Workbooks.sheet(longBook, "Số liệu",
                new Object[] {"unit_code", "period", "indicator", "category", "value", "comment"},
                new Object[] {"HN.TX", "2024-04", "members", null, 20772},
                new Object[] {"HN.TX", "2024-01..2024-04", "admitted", null, formula("70+2")},
                new Object[] {},
                new Object[] {"HN.TX", "2024-04", "branches", null, "379"},
                new Object[] {"HN.TX", date(LocalDate.of(2024, 5, 1)), "grassroots_orgs", null, 77},
                new Object[] {"HN.NOPE", "2024-04", "members", null, 5});
        Workbooks.sheet(longBook, "Ghi chú", new Object[] {"Biểu này do văn phòng lập"});
        Workbooks.save(longBook, inbox.resolve("2024/HN.TX/bao-cao-2024-04.xlsx"));

        XSSFWorkbook forms = Workbooks.xlsx();
        String[] header = FORM.split(";");
        Workbooks.sheet(forms, "THD", header, new Object[] {"HN.TX.THD", "2024-05", 2, 2, "68", "học sinh lớp 12"});
        Workbooks.sheet(forms, "NC", header, new Object[] {"HN.TX.NC", "2024-05", 1, "1", 45.0, null},
                new Object[] {"HN.TX.NC", "2024-05", "1.5", null, null, null});
        Workbooks.save(forms, inbox.resolve("2024/HN.TX/truong-thpt-2024-05.xlsx"));

        Path plain = temp.resolve("plain/protected.xlsx");
        XSSFWorkbook secret = Workbooks.xlsx();
        Workbooks.sheet(secret, "Sheet1", header, new Object[] {"HN.TX.THD", "2024-06", 1, 1, 69, null});
        Workbooks.save(secret, plain);
        Workbooks.encrypted(plain, inbox.resolve("2024/HN.TX/bao-mat.xlsx"), "matkhau");
        Workbooks.xls(inbox.resolve("2024/HN.TX/cu.xls"), header, new Object[] {"HN.TX.THD", "2024-06", 1, 1, 69, null});
        Workbooks.xls(inbox.resolve("2024/HN.TX/doi-ten.xlsx"), header, new Object[] {"HN.TX.NC", "2024-06", 1, 1, 46, null});
        Workbooks.zipBomb(plain, inbox.resolve("2024/HN.TX/bom.xlsx"), 40);
        Memberstat.write(inbox, "2024/HN.TX/bao-cao.pdf", "%PDF-1.4");
        Path windows = inbox.resolve("2024/HN.TX/excel-csv.csv");
        Files.write(windows, ("unit_code,period,indicator,value\nHN.TX,2024-04,members,20772\n"
                + "HN.TX,2024-04,branches,379,Kê\u0301t na\u0323p\n").getBytes(java.nio.charset.Charset.forName("windows-1258")));
        Files.setLastModifiedTime(windows, FileTime.from(Memberstat.OLD));

        home = temp.resolve("home");
        first = Memberstat.nightly(home, inbox, "2024-06-30");
    }

    private static Map<String, Object> submission(String path) {
        return one(home, "select * from dim_submission where file_path = '" + path + "'");
    }

    private static String refusal(String path) {
        return (String) one(home, "select reason_code || ': ' || detail as r from quarantine where line_number is null"
                + " and file_path = '" + path + "'").get("r");
    }

    @Test
    void theLongWorkbookLoadsWithExcelsRowsAndItsSheet() {
        assertThat(first.exitCode()).as(first.err()).isZero();
        Map<String, Object> s = submission("2024/HN.TX/bao-cao-2024-04.xlsx");
        assertThat(s).containsEntry("refused_reason", null).containsEntry("layout", "long")
                .containsEntry("rows_read", 5L).containsEntry("rows_loaded", 3L).containsEntry("rows_quarantined", 2L)
                .containsEntry("rows_duplicate", 0L);
        assertThat(query(home, """
                select line_number, indicator_code, value, sheet from fct_value
                where submission_id = '%s' order by line_number""".formatted(s.get("submission_id"))))
                .extracting(r -> r.get("line_number") + " " + r.get("indicator_code") + " " + r.get("value") + " " + r.get("sheet"))
                .containsExactly("2 members 20772.0 Số liệu", "3 admitted 72.0 Số liệu", "5 branches 379.0 Số liệu");
        assertThat(query(home, """
                select line_number, reason_code, detail, sheet from quarantine
                where file_path = '2024/HN.TX/bao-cao-2024-04.xlsx' order by line_number"""))
                .extracting(r -> r.get("line_number") + " " + r.get("reason_code") + " " + r.get("sheet"))
                .containsExactly("6 BAD_PERIOD Số liệu", "7 UNKNOWN_UNIT Số liệu");
        assertThat((String) one(home, "select detail from quarantine where reason_code = 'BAD_PERIOD'").get("detail"))
                .contains("date cell (2024-05-01)").contains("write the period as text, e.g. 2024-05");
    }

    @Test
    void reportFormsOnSeveralSheetsLoadTheirCells() {
        Map<String, Object> s = submission("2024/HN.TX/truong-thpt-2024-05.xlsx");
        // THD: 3 cells and a comment; NC row 2: 3 cells; NC row 3: 1.5 admissions is no count
        assertThat(s).containsEntry("layout", "report_form").containsEntry("rows_read", 7L)
                .containsEntry("rows_loaded", 6L).containsEntry("rows_quarantined", 1L);
        assertThat(query(home, """
                select sheet, unit_code, indicator_code, category_code, value from fct_value
                where submission_id = '%s' order by sheet, indicator_code, category_code""".formatted(s.get("submission_id"))))
                .extracting(r -> r.get("sheet") + " " + r.get("unit_code") + " " + r.get("indicator_code") + "/"
                        + r.get("category_code") + " " + r.get("value"))
                .containsExactly("NC HN.TX.NC admitted/thpt_student 1.0", "NC HN.TX.NC admitted/total 1.0",
                        "NC HN.TX.NC members/total 45.0", "THD HN.TX.THD admitted/thpt_student 2.0",
                        "THD HN.TX.THD admitted/total 2.0", "THD HN.TX.THD members/total 68.0");
        assertThat(one(home, "select line_number, reason_code, sheet from quarantine where file_path = '2024/HN.TX/truong-thpt-2024-05.xlsx'"))
                .containsEntry("line_number", 3L).containsEntry("reason_code", "BAD_VALUE").containsEntry("sheet", "NC");
    }

    @Test
    void filesUnitsGetWrongAreRefusedWithAdvice() {
        assertThat(refusal("2024/HN.TX/bao-mat.xlsx")).startsWith("ENCRYPTED: ").contains("password");
        assertThat(refusal("2024/HN.TX/cu.xls")).startsWith("UNSUPPORTED_FORMAT: ").contains(".xlsx").contains("CSV UTF-8");
        assertThat(refusal("2024/HN.TX/doi-ten.xlsx")).startsWith("UNSUPPORTED_FORMAT: ").contains("97-2003");
        assertThat(refusal("2024/HN.TX/bom.xlsx")).startsWith("TOO_LARGE: ");
        assertThat(refusal("2024/HN.TX/excel-csv.csv")).startsWith("ENCODING: ").contains("(line 3)")
                .contains("looks like Windows-1258").contains("Save As → CSV UTF-8");
        assertThat(query(home, "select file_path from dim_submission")).extracting(r -> r.get("file_path"))
                .as("a PDF is never read").doesNotContain("2024/HN.TX/bao-cao.pdf");
        assertThat(first.out()).contains("not read: 2024/HN.TX/bao-cao.pdf is not a submission")
                .contains("skipped sheet 'Ghi chú' of 2024/HN.TX/bao-cao-2024-04.xlsx");
    }

    @Test
    void everyRowReadIsLoadedQuarantinedOrDuplicate() {
        Map<String, Object> sum = one(home, """
                select sum(rows_read) as r, sum(rows_loaded) + sum(rows_quarantined) + sum(rows_duplicate) as s
                from dim_submission""");
        assertThat(sum.get("r")).isEqualTo(sum.get("s"));
        assertThat(first.out()).contains("refused 5");
    }

    @Test
    void theSummaryPointsAtRejectsWithTheMostFrequentReasons() {
        assertThat(first.out()).contains("  rejects  see: memberstat rejects --run 2024-06-30"
                + " (most frequent: BAD_REGISTRY_ROW 2, UNSUPPORTED_FORMAT 2, BAD_PERIOD 1)");   // the registry's 2, ties by name
    }

    @Test
    void aRefusedFileIsResolvedWhenTheUnitSendsItAgainToTheSamePath() throws IOException {
        Path fixed = inbox.resolve("2024/HN.TX/bao-mat.xlsx");
        Files.copy(temp.resolve("plain/protected.xlsx"), fixed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(fixed, FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));
        Memberstat.Result second = Memberstat.nightly(home, inbox, "2024-07-01");
        assertThat(second.exitCode()).as(second.err()).isZero();
        String replacing = (String) one(home, "select submission_id from dim_submission where file_path = '2024/HN.TX/bao-mat.xlsx'"
                + " and refused_reason is null").get("submission_id");
        assertThat(one(home, "select is_resolved, resolution, replaced_by, resolved_run_id from quarantine"
                + " where file_path = '2024/HN.TX/bao-mat.xlsx' and line_number is null"))
                .containsEntry("is_resolved", true).containsEntry("resolution", "replaced")
                .containsEntry("replaced_by", replacing).containsEntry("resolved_run_id", "2024-07-01");
        Memberstat.Result rejects = Memberstat.run("rejects", "--home", home.toString(), "--all");
        List<String> lines = rejects.out().lines().toList();
        assertThat(lines.get(0)).endsWith(",sheet,replaced_by");
        assertThat(lines).anyMatch(l -> l.contains("bao-mat.xlsx") && l.endsWith("," + replacing));
        assertThat(lines).anyMatch(l -> l.contains("bao-cao-2024-04.xlsx") && l.contains("UNKNOWN_UNIT") && l.endsWith(",Số liệu,"));
    }
}
