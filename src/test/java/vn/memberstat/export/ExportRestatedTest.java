package vn.memberstat.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;

/**
 * {@code export --restated} on the sample's warehouse, whose district HN.HBT was abolished on 30/6/2025 into the ward
 * HN.P-BM: Hà Nội's units of level 2 as they are today, the admissions figure for figure those of v_admission_rollup's
 * restated hierarchy (read back from the workbook and the CSV file), the ward holding the district's figures; and the
 * clear refusal on a warehouse without the restated views.
 */
final class ExportRestatedTest {
    @TempDir
    static Path temp;
    private static Path home;

    @BeforeAll
    static void run() {
        home = temp.resolve("home");
        Memberstat.Result nightly = Memberstat.nightly(home, Memberstat.copySample(temp.resolve("inbox")), "2026-06-30");
        assertThat(nightly.exitCode()).as(nightly.out() + nightly.err()).isZero();
    }

    private static Memberstat.Result export(Path home, String... args) {
        List<String> all = new ArrayList<>(List.of("export", "--home", home.toString()));
        all.addAll(List.of(args));
        return Memberstat.run(all.toArray(String[]::new));
    }

    /** v_admission_rollup's restated rows for 2025: HN's units of level 2, then HN itself. */
    private static List<Map<String, Object>> restatedAdmissions() {
        return Memberstat.query(home, "select * from v_admission_rollup where hierarchy = 'restated' and year = 2025"
                + " and (unit_code = 'HN' or (level = 2 and unit_code in (select unit_code from dim_unit_placement"
                + " where valid_to = date '9999-12-31' and province_code = 'HN'))) order by unit_code = 'HN', unit_code");
    }

    @Test
    void theRestatedAdmissionsAreTheRestatedRollupsFiguresInTheWorkbookAndTheCsv() throws Exception {
        Path out = temp.resolve("restated");
        Memberstat.Result r = export(home, "--year", "2025", "--unit", "HN", "--restated", "--format", "xlsx,csv",
                "--lang", "en", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<Map<String, Object>> expected = restatedAdmissions();
        assertThat(expected).extracting(m -> m.get("unit_code")).contains("HN.P-BM").doesNotContain("HN.HBT").last().isEqualTo("HN");

        Map<String, Map<String, String>> fromCsv = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(out.resolve("memberstat-2025-HN-admissions.csv"), StandardCharsets.UTF_8)) {
            reader.read();   // the byte-order mark
            for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                fromCsv.put(record.get("unit_code"), new HashMap<>(record.toMap()));
            }
        }
        try (InputStream in = Files.newInputStream(out.resolve("memberstat-2025-HN.xlsx")); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet("admissions");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("restated to today's units");
            Row header = sheet.getRow(XlsxWriter.HEADER_ROW);
            assertThat(sheet.getLastRowNum() - XlsxWriter.HEADER_ROW).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                Row row = sheet.getRow(XlsxWriter.HEADER_ROW + 1 + i);
                Map<String, Object> want = expected.get(i);
                String unit = (String) want.get("unit_code");
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(unit);
                for (int c = 0; c < header.getLastCellNum(); c++) {
                    String column = header.getCell(c).getStringCellValue();
                    if (column.equals("admitted_count") || column.equals("quota_count") || column.equals("attainment_pct")
                            || column.equals("through_month")) {
                        if (want.get(column) == null) {
                            assertThat(fromCsv.get(unit).get(column)).as(unit + " " + column).isEmpty();
                            continue;
                        }
                        double scale = column.endsWith("_pct") ? 100 : 1;
                        double figure = ((Number) want.get(column)).doubleValue();
                        assertThat(row.getCell(c).getNumericCellValue() * scale).as(unit + " " + column).isCloseTo(figure, within(1e-9));
                        assertThat(Double.parseDouble(fromCsv.get(unit).get(column))).as(unit + " " + column + " (CSV)")
                                .isCloseTo(figure, within(1e-9));
                    }
                }
            }
        }
        // the ward holds its abolished district's first half: 21 + 15 = 36 against 45 + 20 = 65 (sample-expected.md)
        assertThat(fromCsv.get("HN.P-BM")).containsEntry("admitted_count", "36").containsEntry("quota_count", "65")
                .containsEntry("attainment_pct", "55.38");
        Map<String, Object> attainment = Memberstat.one(home,
                "select admitted_count, quota_count from v_admission_attainment_restated where unit_code = 'HN.P-BM' and year = 2025");
        assertThat(attainment).containsEntry("admitted_count", 36L).containsEntry("quota_count", 65L);
    }

    @Test
    void theOtherSectionsReadTheRestatedRollupAndAsItWasNamesTheDistrict() throws Exception {
        Path out = temp.resolve("members");
        assertThat(export(home, "--year", "2025", "--unit", "HN", "--restated", "--format", "csv", "--lang", "en",
                "--out", out.toString()).exitCode()).isZero();
        List<CSVRecord> rows;
        try (Reader reader = Files.newBufferedReader(out.resolve("memberstat-2025-HN-members.csv"), StandardCharsets.UTF_8)) {
            reader.read();   // the byte-order mark
            rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
        Map<String, Object> restated = new HashMap<>();
        Memberstat.query(home, "select unit_code, value from v_summary_restated_unit_rollup where year = 2025 and measure = 'end'"
                + " and indicator_code = 'members' and category_code = 'total'").forEach(m -> restated.put((String) m.get("unit_code"), m.get("value")));
        assertThat(rows).extracting(row -> row.get("unit_code")).doesNotContain("HN.HBT").contains("HN");
        for (CSVRecord row : rows) {
            assertThat(Double.parseDouble(row.get("members_at_end"))).as(row.get("unit_code"))
                    .isCloseTo(((Number) restated.get(row.get("unit_code"))).doubleValue(), within(1e-9));
        }
        Path asWas = temp.resolve("as-was");
        assertThat(export(home, "--year", "2025", "--unit", "HN", "--format", "csv", "--lang", "en", "--out", asWas.toString())
                .exitCode()).isZero();
        assertThat(Files.readString(asWas.resolve("memberstat-2025-HN-admissions.csv"))).contains("HN.HBT,");
    }

    @Test
    void aWarehouseWithoutTheRestatedViewsIsRefusedClearly() throws Exception {
        Path old = temp.resolve("old");
        Files.createDirectories(old);
        Files.copy(home.resolve("warehouse.duckdb"), old.resolve("warehouse.duckdb"));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + old.resolve("warehouse.duckdb")); Statement s = c.createStatement()) {
            s.execute("drop view v_yearly_admissions_restated");
        }
        Memberstat.Result r = export(old, "--year", "2025", "--restated", "--out", temp.resolve("none").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("memberstat: --restated needs the restated views, and this warehouse has no"
                + " v_yearly_admissions_restated; run 'memberstat nightly' with this version first\n");
        assertThat(temp.resolve("none")).doesNotExist();
    }
}
