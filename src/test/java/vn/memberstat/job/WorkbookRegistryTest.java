package vn.memberstat.job;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.one;
import static vn.memberstat.support.Memberstat.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;
import vn.memberstat.support.Workbooks;

/**
 * Registry sheets in workbooks, read as a registry CSV is: before any data value of the run, rows quarantined with
 * Excel's row number and the sheet, accepted rows into the lake and dim_unit. One workbook holds a registry sheet
 * and a data sheet whose unit only that registry sheet brings; another holds only the registry.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class WorkbookRegistryTest {
    private static final Object[] REGISTRY = {"unit_code", "unit_name", "parent_code", "level", "unit_type", "valid_from",
        "valid_to", "successor_code"};
    private static final String MIXED = "2024/HN.TX/don-vi-va-so-lieu.xlsx";
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

        XSSFWorkbook mixed = Workbooks.xlsx();
        // the data sheet first: the registry sheet is still read before it
        Workbooks.sheet(mixed, "Số liệu", new Object[] {"unit_code", "period", "indicator", "category", "value"},
                new Object[] {"HN.TX.MOI", "2024-04", "members", null, 30},
                new Object[] {"HN.TX.XAU", "2024-04", "members", null, 5});
        Workbooks.sheet(mixed, "Đơn vị", REGISTRY,
                new Object[] {"HN.TX.MOI", "Chi bộ mới", "HN.TX", 3, "school_high", "2020-01-01"},
                new Object[] {},
                new Object[] {"HN.TX.XAU", "Chi bộ xấu", "HN.TX", "bốn", "school_high", "2020-01-01"},
                new Object[] {"HN.TX.THD", "Chi bộ Trường THPT Trần Hưng Đạo", "HN.TX", 3, "school_high", "2010-09-01",
                    "2025-06-30", "HN.P-TX.THD"},
                new Object[] {"HN.TX.MOI.CB", "Chi bộ con", "HN.TX.CHUA", 4, "school_high", "2020-01-01"});
        Workbooks.save(mixed, inbox.resolve(MIXED));

        XSSFWorkbook only = Workbooks.xlsx();
        Workbooks.sheet(only, "Hướng dẫn", new Object[] {"Danh sách đơn vị mới"});
        Workbooks.sheet(only, "DV", REGISTRY, new Object[] {"HN.TX.KHAC", "Chi bộ khác", "HN.TX", 3, "school_high", "2020-01-01"});
        Workbooks.save(only, inbox.resolve("2024/HN.TX/don-vi.xlsx"));
        Memberstat.write(inbox, "2024/HN.TX/khac.csv", Memberstat.LONG_HEADER + "HN.TX.KHAC,2024-04,members,,12,\n");

        home = temp.resolve("home");
        first = Memberstat.nightly(home, inbox, "2024-06-30");
    }

    @Test
    @Order(1)
    void theRegistrySheetIsReadBeforeTheDataOfTheRun() {
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(query(home, "select unit_code, unit_name from dim_unit where unit_code in ('HN.TX.MOI', 'HN.TX.KHAC')"
                + " order by unit_code")).extracting(r -> r.get("unit_code") + " " + r.get("unit_name"))
                .containsExactly("HN.TX.KHAC Chi bộ khác", "HN.TX.MOI Chi bộ mới");
        assertThat(query(home, "select unit_code, value, sheet from fct_value where unit_code in ('HN.TX.MOI', 'HN.TX.KHAC')"
                + " order by unit_code")).extracting(r -> r.get("unit_code") + " " + r.get("value") + " " + r.get("sheet"))
                .containsExactly("HN.TX.KHAC 12.0 null", "HN.TX.MOI 30.0 Số liệu");
        assertThat(first.out()).contains("skipped sheet 'Hướng dẫn' of 2024/HN.TX/don-vi.xlsx")
                .doesNotContain("skipped sheet 'Đơn vị'").doesNotContain("skipped sheet 'DV'");
    }

    @Test
    @Order(2)
    void aBadRegistryRowIsQuarantinedWithItsExcelRowAndSheet() {
        assertThat(query(home, "select line_number, reason_code, unit_code, sheet, detail from quarantine where file_path = '"
                + MIXED + "' order by line_number"))
                .extracting(r -> r.get("line_number") + " " + r.get("reason_code") + " " + r.get("unit_code") + " " + r.get("sheet"))
                .containsExactly("3 UNKNOWN_UNIT HN.TX.XAU Số liệu", "4 BAD_REGISTRY_ROW HN.TX.XAU Đơn vị",
                        "6 BAD_REGISTRY_ROW HN.TX.MOI.CB Đơn vị");
        assertThat((String) one(home, "select detail from quarantine where line_number = 4 and file_path = '" + MIXED + "'")
                .get("detail")).contains("level 'bốn'");
    }

    @Test
    @Order(3)
    void everyRowOfBothKindsOfSheetIsCounted() throws SQLException {
        // registry sheet: 4 rows, 1 loaded, 2 quarantined, 1 repeating the registry CSV; data sheet: 1 loaded, 1 quarantined
        Map<String, Object> s = one(home, "select * from dim_submission where file_path = '" + MIXED + "'");
        assertThat(s).containsEntry("layout", "long").containsEntry("rows_read", 6L).containsEntry("rows_loaded", 2L)
                .containsEntry("rows_quarantined", 3L).containsEntry("rows_duplicate", 1L);
        assertThat((String) s.get("header_line")).startsWith("unit_code,unit_name,parent_code");
        assertThat(one(home, "select layout, rows_read, rows_loaded from dim_submission where file_path = '2024/HN.TX/don-vi.xlsx'"))
                .containsEntry("layout", "registry").containsEntry("rows_read", 1L).containsEntry("rows_loaded", 1L);
        Map<String, Object> sum = one(home, """
                select sum(rows_read) as r, sum(rows_loaded) + sum(rows_quarantined) + sum(rows_duplicate) as s
                from dim_submission""");
        assertThat(sum.get("r")).isEqualTo(sum.get("s"));
        Path lake = home.resolve("lake/registry");
        List<String> lineage = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select unit_code, line_number from read_parquet('" + lake
                        + "/*/*.parquet') where unit_code in ('HN.TX.MOI', 'HN.TX.KHAC') order by unit_code")) {
            while (rs.next()) {
                lineage.add(rs.getString(1) + " " + rs.getLong(2));
            }
        }
        assertThat(lineage).containsExactly("HN.TX.KHAC 2", "HN.TX.MOI 2");
    }

    @Test
    @Order(4)
    void aRegistryRowOfASheetIsRetriedWhenItsParentArrives() {
        Path late = Memberstat.write(inbox, "registry/chua.csv", Memberstat.REGISTRY_HEADER
                + "HN.TX.CHUA,Chi bộ chưa có,HN.TX,3,school_high,2019-01-01,,\n");
        try {
            Files.setLastModifiedTime(late, FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Memberstat.Result second = Memberstat.nightly(home, inbox, "2024-07-01");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(one(home, "select is_resolved, sheet from quarantine where file_path = '" + MIXED + "' and line_number = 6"))
                .containsEntry("is_resolved", true).containsEntry("sheet", "Đơn vị");
        assertThat(one(home, "select parent_code from dim_unit where unit_code = 'HN.TX.MOI.CB'")).containsEntry("parent_code", "HN.TX.CHUA");
        assertThat(one(home, "select is_resolved from quarantine where file_path = '" + MIXED + "' and line_number = 4"))
                .containsEntry("is_resolved", false);
    }
}
