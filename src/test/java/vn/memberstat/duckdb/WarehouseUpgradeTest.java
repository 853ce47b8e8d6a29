package vn.memberstat.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A warehouse made by an earlier version is migrated when a run opens it, with what it holds carried over. */
final class WarehouseUpgradeTest {
    @TempDir
    Path home;

    @Test
    void theOutlierSeriesIsFilledFromTheMonthlyFlowsAlreadyDerived() throws Exception {
        String url = migratedTo("4");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("""
                    insert into fct_flow_month values
                        ('HN.A', 2024, 5, 'admitted', 'total', 7, 'reported'),
                        ('HN.A', 2024, 5, 'admitted', 'thpt_student', 2, 'reported'),
                        ('HN.A', 2024, 6, 'removed', 'total', 3, 'difference'),
                        ('HN.A', 2024, 6, 'deceased', 'total', 1, 'reported')""");
        }

        try (WorkingWarehouse warehouse = new WorkingWarehouse(home, "200MB");
                Statement s = warehouse.connection().createStatement();
                ResultSet rs = s.executeQuery("select unit_code, year, month, indicator_code, month_value from dq_outlier_series order by all")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getInt(2) + "-" + rs.getInt(3) + " " + rs.getString(4) + " " + rs.getDouble(5));
            }
            assertThat(rows).containsExactly("HN.A 2024-5 admitted 7.0", "HN.A 2024-6 removed 3.0");
        }
    }

    @Test
    void eachValueIsStoredOnceWithItsCurrentRowsMarked() throws Exception {
        String url = migratedTo("5");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("""
                    insert into dim_submission (submission_id, sha256, file_path, size_bytes, modified_at, pulled_at, run_id,
                                                rows_read, rows_loaded, rows_quarantined, rows_duplicate) values
                        ('s1', 'h1', 'hn/a-2024-05.csv', 10, timestamp '2024-06-05 09:00:00', timestamp '2024-06-06 01:00:00', 'r1', 2, 2, 0, 0),
                        ('s2', 'h2', 'hn/a-2024-05-dinh-chinh.csv', 10, timestamp '2024-06-20 09:00:00', timestamp '2024-06-21 01:00:00', 'r2', 1, 1, 0, 0)""");
            s.execute("""
                    insert into fct_reported_value values
                        ('s1', 2, 'HN.A', '2024-05', 'month', 2024, 5, 2024, 5, 'admitted', 'total', 7, null, 'r1'),
                        ('s1', 3, 'HN.A', '2024-05', 'month', 2024, 5, 2024, 5, 'removed', 'total', 1, 'a note', 'r1'),
                        ('s2', 2, 'HN.A', '2024-05', 'month', 2024, 5, 2024, 5, 'admitted', 'total', 8, null, 'r2')""");
            s.execute("""
                    insert into fct_value values
                        ('s2', 2, 'HN.A', '2024-05', 'month', 2024, 5, 2024, 5, 'admitted', 'total', 8, null, 'r2', timestamp '2024-06-20 09:00:00'),
                        ('s1', 3, 'HN.A', '2024-05', 'month', 2024, 5, 2024, 5, 'removed', 'total', 1, 'a note', 'r1', timestamp '2024-06-05 09:00:00')""");
        }

        try (WorkingWarehouse warehouse = new WorkingWarehouse(home, "200MB");
                Statement s = warehouse.connection().createStatement()) {
            assertThat(rows(s, "select submission_id, indicator_code, value, submitted_at::varchar, is_current from fct_reported_value order by all"))
                    .containsExactly("s1 admitted 7.0 2024-06-05 09:00:00 false", "s1 removed 1.0 2024-06-05 09:00:00 true",
                            "s2 admitted 8.0 2024-06-20 09:00:00 true");
            assertThat(rows(s, "select * exclude (period_kind, start_month, end_year, end_month) replace (submitted_at::varchar as submitted_at) from fct_value order by all"))
                    .as("the view has fct_value's columns, in order, and its rows; then V9's sheet, null for a CSV")
                    .containsExactly("s1 3 HN.A 2024-05 2024 removed total 1.0 a note r1 2024-06-05 09:00:00 null",
                            "s2 2 HN.A 2024-05 2024 admitted total 8.0 null r2 2024-06-20 09:00:00 null");
        }
    }

    @Test
    void theUnitYearsOfFindingsOfTheChangedRulesAreLeftToCheckAgain() throws Exception {
        String url = migratedTo("6");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("""
                    insert into dim_unit (unit_key, unit_code, valid_from, valid_to, unit_name, parent_code, level, unit_type,
                                          successor_code, is_current) values
                        (1, 'HN.M', date '1997-01-01', null, 'Đảng bộ xã Minh Phú', 'HN', 3, 'commune', null, true),
                        (2, 'HN.N', date '1997-01-01', date '2025-06-30', 'Đảng bộ xã Nam Sơn', 'HN', 3, 'commune', 'HN.M', false),
                        (3, 'HN.Q', date '1997-01-01', null, 'Đảng bộ xã Quang Tiến', 'HN', 3, 'commune', null, true)""");
            s.execute("""
                    insert into dq_finding_row values
                        ('r1', 'MEMBER_BALANCE', 'warning', 'HN.A', 2024, '2024-11', 'members', 'total', 'members 102, expected 100'),
                        ('r1', 'MEMBER_BALANCE', 'warning', 'HN.A', 2024, '2024-12', 'members', 'total', 'members 110, expected 102'),
                        ('r1', 'ROLLUP_MISMATCH', 'warning', 'HN', 2023, '2023-12', 'members', 'total', 'own report 300'),
                        ('r1', 'STOCK_IDENTITY', 'error', 'HN.B', 2024, '2024-12', 'members', 'total', 'official 80 + probationary 15'),
                        ('r1', 'OUTLIER', 'warning', 'HN.M', 2025, '2025-07', 'admitted', 'total', 'admitted 13, the median 1.0'),
                        ('r1', 'OUTLIER', 'warning', 'HN.Q', 2025, '2025-07', 'admitted', 'total', 'admitted 13, the median 1.0')""");
        }

        try (WorkingWarehouse warehouse = new WorkingWarehouse(home, "200MB");
                Statement s = warehouse.connection().createStatement()) {
            // V7: the two rules' findings; V8: OUTLIER at a unit that absorbed another; V11: every OUTLIER finding's
            // unit-year (the rule took the modified z-score), each once
            assertThat(rows(s, "select unit_code, year from dq_recheck order by all"))
                    .containsExactly("HN 2023", "HN.A 2024", "HN.M 2025", "HN.Q 2025");
            assertThat(rows(s, "select count(*) from dq_finding_row")).as("kept until checked again").containsExactly("6");
        }
    }

    private String migratedTo(String version) throws Exception {
        Path file = home.resolve("work").resolve("warehouse.duckdb");
        Files.createDirectories(file.getParent());
        String url = "jdbc:duckdb:" + file.toAbsolutePath();
        // the schema migrations up to the version alone: today's views (R__, such as fct_value's) need today's schema
        Flyway.configure().dataSource(url, null, null).driver("org.duckdb.DuckDBDriver")
                .locations("classpath:warehouse-sql/migrations").schemas("main").target(version)
                .repeatableSqlMigrationPrefix("none of them").load().migrate();
        return url;
    }

    private static List<String> rows(Statement s, String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(query)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cells.add(String.valueOf(rs.getObject(i)));
                }
                rows.add(String.join(" ", cells));
            }
        }
        return rows;
    }
}
