package vn.memberstat.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.memberstat.support.Workbooks.date;
import static vn.memberstat.support.Workbooks.formula;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.common.ReasonCode;
import vn.memberstat.support.Workbooks;

/** Reading workbooks written with POI as Excel saves them: cells, line numbers, sheets, merged headers, limits. */
final class XlsxWorkbookTest {
    @TempDir
    Path temp;

    private static List<SourceRow> rows(XlsxSheetReader reader) {
        List<SourceRow> rows = new ArrayList<>();
        SourceRow row;
        while ((row = reader.next()) != null) {
            rows.add(row);
        }
        return rows;
    }

    @Test
    void cellsReadAsTheCsvRulesExpectWithExcelsRowNumbers() throws Exception {
        XSSFWorkbook wb = Workbooks.xlsx();
        Workbooks.sheet(wb, "Số liệu",
                new Object[] {"unit_code", "period", "indicator", "category", "value", "comment"},
                new Object[] {"HN.TX", "2024-04", "members", "total", 20772},         // a number cell
                new Object[] {"HN.TX", "2024", "admission_quota_rate", null, 3.25},    // a decimal: 3,25 to the rules
                new Object[] {"HN.TX", "2024-04", "branches", null, "20.772"},          // typed as text: Vietnamese rules
                new Object[] {},                                                        // a blank row
                null,                                                                   // a row never written
                new Object[] {"HN.TX", date(LocalDate.of(2024, 5, 1)), "admitted", null, formula("2+3")});
        Path file = Workbooks.save(wb, temp.resolve("a.xlsx"));
        try (XlsxWorkbook book = XlsxWorkbook.open(file)) {
            assertThat(book.sheets()).extracting(XlsxWorkbook.Sheet::name).containsExactly("Số liệu");
            try (XlsxSheetReader reader = book.read(book.sheets().get(0))) {
                assertThat(reader.header()).containsExactly("unit_code", "period", "indicator", "category", "value", "comment");
                List<SourceRow> rows = rows(reader);
                assertThat(rows).extracting(SourceRow::lineNumber).containsExactly(2L, 3L, 4L, 5L, 7L);
                assertThat(rows).allSatisfy(r -> assertThat(r.sheet()).isEqualTo("Số liệu"));
                assertThat(rows.get(0).field(4)).isEqualTo("20772");
                assertThat(rows.get(1).field(4)).isEqualTo("3,25");
                assertThat(rows.get(2).field(4)).isEqualTo("20.772");
                assertThat(rows.get(3).isBlank()).isTrue();
                SourceRow dated = rows.get(4);
                assertThat(dated.field(1)).isEqualTo("2024-05-01");
                assertThat(dated.isDate(1)).isTrue();
                assertThat(dated.isDate(4)).isFalse();
                assertThat(dated.field(4)).as("a formula counts by its cached value").isEqualTo("5");
            }
        }
    }

    @Test
    void mergedHeaderCellsCoverTheirColumnsAndRowsBelowAddTheCategory() throws Exception {
        XSSFWorkbook wb = Workbooks.xlsx();
        var sheet = Workbooks.sheet(wb, "Biểu mẫu",
                new Object[] {"Mã đơn vị", "Kỳ báo cáo", "Kết nạp đảng viên", null, "Ghi chú"},
                new Object[] {null, null, "Tổng số", "Học sinh THPT", null},
                new Object[] {"HN.TX", "2024-01..2024-04", 72, 3, "đủ"});
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 2, 3));   // C1:D1
        sheet.addMergedRegion(new CellRangeAddress(0, 1, 0, 0));   // A1:A2
        sheet.addMergedRegion(new CellRangeAddress(0, 1, 1, 1));   // B1:B2
        sheet.addMergedRegion(new CellRangeAddress(0, 1, 4, 4));   // E1:E2
        Path file = Workbooks.save(wb, temp.resolve("b.xlsx"));
        try (XlsxWorkbook book = XlsxWorkbook.open(file); XlsxSheetReader reader = book.read(book.sheets().get(0))) {
            assertThat(reader.header()).containsExactly("Mã đơn vị", "Kỳ báo cáo", "Kết nạp đảng viên - Tổng số",
                    "Kết nạp đảng viên - Học sinh THPT", "Ghi chú");
            assertThat(LayoutDetector.detect(reader.header())).contains(Layout.REPORT_FORM);
            List<SourceRow> rows = rows(reader);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).lineNumber()).as("the header takes rows 1 and 2").isEqualTo(3);
            assertThat(rows.get(0).fields()).containsExactly("HN.TX", "2024-01..2024-04", "72", "3", "đủ");
        }
    }

    @Test
    void aZipBombIsTooLargeBeforeAnyRowIsRead() throws IOException {
        XSSFWorkbook wb = Workbooks.xlsx();
        Workbooks.sheet(wb, "Sheet1", new Object[] {"unit_code", "period", "indicator", "value"},
                new Object[] {"HN.TX", "2024-04", "members", 1});
        Path plain = Workbooks.save(wb, temp.resolve("plain.xlsx"));
        Path bomb = Workbooks.zipBomb(plain, temp.resolve("bomb.xlsx"), 40);
        assertThatThrownBy(() -> {
            try (XlsxWorkbook book = XlsxWorkbook.open(bomb)) {
                book.read(book.sheets().get(0)).close();
            }
        }).isInstanceOfSatisfying(WorkbookRefusal.class, r -> {
            assertThat(r.reason()).isEqualTo(ReasonCode.TOO_LARGE);
            assertThat(r.detail()).contains("limits");
        });
    }

    @Test
    void aFileThatIsNoWorkbookIsUnsupported() throws IOException {
        Path notZip = temp.resolve("x.xlsx");
        java.nio.file.Files.writeString(notZip, "unit_code,period\n");
        assertThatThrownBy(() -> XlsxWorkbook.open(notZip).close())
                .isInstanceOfSatisfying(WorkbookRefusal.class, r -> assertThat(r.reason()).isEqualTo(ReasonCode.UNSUPPORTED_FORMAT));
    }

    @Test
    void aRowOverAMillionCharactersIsOneLineTooLongAndReadingGoesOn() throws Exception {
        Object[] huge = new Object[40];
        huge[0] = "HN.TX";
        for (int i = 1; i < huge.length; i++) {
            huge[i] = "x".repeat(32_000);   // Excel's cells hold 32,767 characters at most
        }
        XSSFWorkbook wb = Workbooks.xlsx();
        Workbooks.sheet(wb, "Sheet1", new Object[] {"unit_code", "period", "indicator", "value"}, huge,
                new Object[] {"HN.TX", "2024-04", "members", 1});
        Path file = Workbooks.save(wb, temp.resolve("long.xlsx"));
        try (XlsxWorkbook book = XlsxWorkbook.open(file); XlsxSheetReader reader = book.read(book.sheets().get(0))) {
            List<SourceRow> rows = rows(reader);
            assertThat(rows).extracting(SourceRow::lineNumber).containsExactly(2L, 3L);
            assertThat(rows.get(0).problem()).isEqualTo(SourceRow.Problem.LINE_TOO_LONG);
            assertThat(rows.get(0).raw()).startsWith("HN.TX,xxx").hasSizeLessThanOrEqualTo(SourceRow.RAW_LINE_CHARS + 1);
            assertThat(rows.get(1).fields()).containsExactly("HN.TX", "2024-04", "members", "1");
        }
    }

    @Test
    void numbersAreWrittenForTheVietnameseRules() {
        assertThat(XlsxCells.number("20772")).isEqualTo("20772");
        assertThat(XlsxCells.number("0.30000000000000004")).isEqualTo("0,3");
        assertThat(XlsxCells.number("1.5E3")).isEqualTo("1500");
        assertThat(XlsxCells.number("12345.5")).isEqualTo("12345,5");
    }
}
