package vn.memberstat.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;

/**
 * The committees' export on the sample's warehouse: every figure of the workbook and of the CSV files read back equals
 * the view it comes from; the usage and no-data exits; formula-like unit names neutralised, negative numbers numeric.
 */
final class ExportTest {
    @TempDir
    static Path temp;
    private static Path home;

    @BeforeAll
    static void run() {
        Path inbox = Memberstat.copySample(temp.resolve("inbox"));
        // a unit whose name a spreadsheet would run as a formula, reporting a figure of its own
        Memberstat.write(inbox, "registry/units-2.csv", Memberstat.REGISTRY_HEADER
                + "HN.TX.EQ,=HYPERLINK(\"http://x\";\"bấm\"),HN.TX,3,school_high,2010-09-01,2025-06-30,\n"
                + "HN.TX.MI,-Chi bộ dấu trừ,HN.TX,3,school_high,2010-09-01,2025-06-30,\n");
        Memberstat.write(inbox, "2024/HN.TX/EQ/2024-03.csv", Memberstat.LONG_HEADER
                + "HN.TX.EQ,2024-01..2024-03,admitted,total,4,\nHN.TX.MI,2024-01..2024-03,admitted,total,2,\n"
                + "HN.TX.MI,2023-12,members,total,20,\nHN.TX.MI,2024-06,members,total,18,\n");
        home = temp.resolve("home");
        Memberstat.Result nightly = Memberstat.nightly(home, inbox, "2026-06-30");
        assertThat(nightly.exitCode()).as(nightly.out() + nightly.err()).isZero();
    }

    private static Memberstat.Result export(String... args) {
        List<String> all = new ArrayList<>(List.of("export", "--home", home.toString()));
        all.addAll(List.of(args));
        return Memberstat.run(all.toArray(String[]::new));
    }

    @Test
    void theWorkbookHoldsTheViewsFiguresCellByCell() throws Exception {
        Path out = temp.resolve("xlsx");
        Memberstat.Result r = export("--year", "2024", "--unit", "HN.TX", "--format", "xlsx", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path file = out.resolve("memberstat-2024-HN.TX.xlsx");
        assertThat(r.out()).isEqualTo(file + "\n");
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(workbook.getSheet("charts").getDrawingPatriarch().getCharts()).hasSize(2);
            int compared = 0;
            for (Section section : Section.values()) {
                Sheet sheet = workbook.getSheet(section.key());
                assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) (XlsxWriter.HEADER_ROW + 1));
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("2024").contains("HN.TX");
                List<Map<String, Object>> expected = viewRows(section, "HN.TX", 3);
                Row header = sheet.getRow(XlsxWriter.HEADER_ROW);
                List<String> names = columnNames(section);
                assertThat(sheet.getLastRowNum() - XlsxWriter.HEADER_ROW).as(section.key()).isEqualTo(expected.size());
                for (int i = 0; i < expected.size(); i++) {
                    Row row = sheet.getRow(XlsxWriter.HEADER_ROW + 1 + i);
                    for (int c = 0; c < header.getLastCellNum(); c++) {
                        String column = columnNamed(names, header.getCell(c).getStringCellValue());
                        Object want = expected.get(i).get(column);
                        Cell cell = row.getCell(c);
                        if (column.equals("unit_name")) {
                            continue;   // the total row says "Tổng cộng" there
                        }
                        if (want == null) {
                            assertThat(cell == null || cell.getCellType() == CellType.BLANK).as(section + " " + column).isTrue();
                        } else if (want instanceof String text) {
                            assertThat(cell.getStringCellValue()).isEqualTo(text);
                        } else {
                            assertThat(cell.getCellType()).as(section + " " + column).isEqualTo(CellType.NUMERIC);
                            double value = cell.getNumericCellValue() * (column.endsWith("_pct") ? 100 : 1);
                            assertThat(value).as(section + " " + column + " row " + i).isCloseTo(((Number) want).doubleValue(), within(1e-9));
                            compared++;
                        }
                    }
                }
            }
            assertThat(compared).as("figures compared").isGreaterThan(50);
            Sheet admissions = workbook.getSheet("admissions");
            Row first = admissions.getRow(admissions.getLastRowNum());   // the total row: every figure present
            assertThat(first.getCell(3).getCellStyle().getDataFormatString()).as("admitted_count").isEqualTo("#,##0");
            assertThat(admissions.getRow(XlsxWriter.HEADER_ROW).getCell(5).getStringCellValue()).isEqualTo("Tỷ lệ đạt chỉ tiêu");
            assertThat(first.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
        }
    }

    @Test
    void theCsvFilesHoldTheViewsFiguresWithVietnameseSeparators() throws Exception {
        Path out = temp.resolve("csv");
        Memberstat.Result r = export("--year", "2024", "--format", "csv", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines()).hasSize(Section.values().length);
        for (Section section : Section.values()) {
            Path file = out.resolve("memberstat-2024-" + section.key() + ".csv");
            byte[] bytes = Files.readAllBytes(file);
            assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
            List<CSVRecord> records;
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                reader.read();   // the byte-order mark
                records = CSVFormat.RFC4180.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
            }
            List<Map<String, Object>> expected = viewRows(section, "*", 1);
            assertThat(records).as(section.key()).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                for (Map.Entry<String, Object> e : expected.get(i).entrySet()) {
                    if (e.getKey().equals("unit_name") || e.getKey().equals("level") || e.getKey().equals("year")) {
                        continue;
                    }
                    String got = records.get(i).get(new Column(e.getKey(), Column.Kind.COUNT).label(Language.VI));
                    Object want = e.getValue();
                    if (want == null) {
                        assertThat(got).isEmpty();
                    } else if (want instanceof String text) {
                        assertThat(got).isEqualTo(text);
                    } else {
                        assertThat(Double.parseDouble(got.replace(',', '.'))).as(section + " " + e.getKey())
                                .isCloseTo(((Number) want).doubleValue(), within(1e-9));
                    }
                }
            }
        }
    }

    @Test
    void aFormulaLikeUnitNameIsNeutralisedInEveryFile() throws Exception {
        Path out = temp.resolve("inject");
        Memberstat.Result r = export("--year", "2024", "--unit", "HN.TX", "--format", "xlsx,csv", "--out", out.toString(), "--lang", "en");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String csv = Files.readString(out.resolve("memberstat-2024-HN.TX-admissions.csv"));
        assertThat(csv).contains("HN.TX.EQ,\"'=HYPERLINK(\"\"http://x\"\";\"\"bấm\"\")\"").contains("HN.TX.MI,'-Chi bộ dấu trừ,")
                .doesNotContain(",=HYPERLINK").startsWith("\uFEFFunit_code,unit_name,");
        try (InputStream in = Files.newInputStream(out.resolve("memberstat-2024-HN.TX.xlsx")); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet("admissions");
            boolean seen = false;
            for (Row row : sheet) {
                Cell name = row.getCell(1);
                if (row.getRowNum() > XlsxWriter.HEADER_ROW && name != null && name.getStringCellValue().startsWith("=")) {
                    assertThat(name.getCellType()).isEqualTo(CellType.STRING);
                    assertThat(name.getCellStyle().getQuotePrefixed()).as("shown as written, never run").isTrue();
                    seen = true;
                }
            }
            assertThat(seen).isTrue();
        }
    }

    @Test
    void aNegativeChangeStaysANumber() throws Exception {
        Path out = temp.resolve("members");
        assertThat(export("--year", "2024", "--unit", "HN.TX", "--format", "xlsx,csv", "--out", out.toString()).exitCode()).isZero();
        assertThat(Files.readString(out.resolve("memberstat-2024-HN.TX-members.csv"))).contains("HN.TX.MI;'-Chi bộ dấu trừ;20;18;6;-2;-10\r\n");
        try (InputStream in = Files.newInputStream(out.resolve("memberstat-2024-HN.TX.xlsx")); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Row shrank = null;
            for (Row row : workbook.getSheet("members")) {
                if (row.getRowNum() > XlsxWriter.HEADER_ROW && row.getCell(0).getStringCellValue().equals("HN.TX.MI")) {
                    shrank = row;
                }
            }
            assertThat(shrank).isNotNull();
            assertThat(workbook.getSheet("members").getRow(XlsxWriter.HEADER_ROW).getCell(5).getStringCellValue()).isEqualTo("Tăng, giảm");
            assertThat(shrank.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(shrank.getCell(5).getNumericCellValue()).isEqualTo(-2);
            assertThat(shrank.getCell(6).getNumericCellValue()).as("-10 %").isEqualTo(-0.1);
        }
    }

    @Test
    void badUsageExitsTwoAndAYearWithoutDataFive() {
        assertThat(export().exitCode()).isEqualTo(2);
        assertThat(export().err()).startsWith("memberstat: export needs --year YYYY");
        assertThat(export("--year", "2024", "--format", "pdf").err()).startsWith("memberstat: --format 'pdf' is not one of xlsx, csv, html");
        assertThat(export("--year", "2024", "--lang", "fr").exitCode()).isEqualTo(2);
        Memberstat.Result noUnit = export("--year", "2024", "--unit", "XX");
        assertThat(noUnit.exitCode()).isEqualTo(2);
        assertThat(noUnit.err()).startsWith("memberstat: --unit XX: no such unit in 2024");
        assertThat(export("--year", "2024", "--unit", "HN.TX", "--level", "2").exitCode()).isEqualTo(2);
        Memberstat.Result gone = export("--year", "2024", "--unit", "HN.TX", "--restated", "--out", temp.resolve("r").toString());
        assertThat(gone.exitCode()).as("a unit with no place today").isEqualTo(2);
        assertThat(gone.err()).startsWith("memberstat: --unit HN.TX: no such unit today");
        Memberstat.Result empty = export("--year", "2019", "--out", temp.resolve("none").toString());
        assertThat(empty.exitCode()).isEqualTo(5);
        assertThat(empty.err()).isEqualTo("memberstat: the warehouse holds no figure for 2019\n");
        assertThat(temp.resolve("none")).doesNotExist();
    }

    @Test
    void theReportIsSelfContainedAndChromiumShowsItsCharts() throws Exception {
        Path out = temp.resolve("html");
        Memberstat.Result r = export("--year", "2024", "--unit", "HN", "--level", "3", "--format", "html", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path page = out.resolve("memberstat-2024-HN.html");
        String html = Files.readString(page);
        assertThat(html).contains("<svg").contains("Tỷ lệ đạt chỉ tiêu").contains("@page { size: A4")
                .doesNotContain("<script").doesNotContain("<link").doesNotContain("src=\"http").doesNotContain("url(http");
        assertThat(html.split("<svg", -1)).as("three charts").hasSize(4);

        Path png = Chromium.screenshot(page, temp.resolve("chromium"));
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1240);
        // the first chart stands below the two title lines: its bars and axes darken the band where it is drawn
        assertThat(Chromium.inkShare(image, 120, 520)).as("ink in the first chart's band").isGreaterThan(0.02);
        assertThat(Chromium.inkShare(image, 520, 1000)).as("ink in the second chart's band").isGreaterThan(0.02);
    }

    @Test
    void rejectsAreSentBackWithAByteOrderMarkTheLineAsReceivedAndAUnitsOwnFiles() {
        Memberstat.Result unit = Memberstat.run("rejects", "--home", home.toString(), "--unit", "HN.CG.CGS");
        assertThat(unit.exitCode()).as(unit.err()).isZero();
        assertThat(unit.out()).startsWith("\uFEFFrun_id,file_path,")
                .contains("2024/HN.CG/CGS/2024-06.csv,3,CONFLICTING_DUPLICATE")
                .as("the trailing empty comment field kept").contains(",\"HN.CG.CGS,2024-H1,admitted,thpt_student,3,\",,\r\n")
                .contains(",\"HN.CG.CGS,2024-H1,admitted,thpt_student,2,Nhập trùng\",,\r\n");
        Memberstat.Result own = Memberstat.run("rejects", "--home", home.toString(), "--unit", "HN.CG");
        assertThat(own.out()).doesNotContain("2024/HN.CG/CGS/2024-06.csv");
        Memberstat.Result under = Memberstat.run("rejects", "--home", home.toString(), "--under", "HN.CG");
        assertThat(under.out()).contains("2024/HN.CG/CGS/2024-06.csv,3,CONFLICTING_DUPLICATE").contains(own.out().substring(1).lines().skip(1).findFirst().orElse(""));
        Memberstat.Result both = Memberstat.run("rejects", "--home", home.toString(), "--unit", "HN.CG", "--under", "HN");
        assertThat(both.exitCode()).isEqualTo(2);
    }

    /** The view's rows as the export lists them: the units at the level under the unit, then the unit's own row. */
    static List<Map<String, Object>> viewRows(Section section, String unit, int level) {
        String key = String.join(", ", section.rowKey());
        return Memberstat.query(home, "select * from " + section.view() + " where year = 2024 and (unit_code = '" + unit
                + "' or (level = " + level + " and unit_code in (select unit_code from v_summary_unit_ancestor where year = 2024"
                + " and ancestor_code = '" + unit + "'))) order by unit_code = '" + unit + "', unit_code" + (key.isEmpty() ? "" : ", " + key));
    }

    private static String columnNamed(List<String> names, String label) {
        for (String name : names) {
            if (new Column(name, Column.Kind.COUNT).label(Language.VI).equals(label)) {
                return name;
            }
        }
        throw new AssertionError("no column labelled " + label);
    }

    private static List<String> columnNames(Section section) {
        return Memberstat.query(home, "select column_name from duckdb_columns() where table_name = '" + section.view() + "'")
                .stream().map(m -> (String) m.get("column_name")).toList();
    }
}
