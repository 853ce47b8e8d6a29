package vn.memberstat.warehouse;

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
        Path file = home.resolve("work").resolve("warehouse.duckdb");
        Files.createDirectories(file.getParent());
        String url = "jdbc:duckdb:" + file.toAbsolutePath();
        Flyway.configure().dataSource(url, null, null).driver("org.duckdb.DuckDBDriver")
                .locations("classpath:warehouse-sql/migrations").schemas("main").target("4").load().migrate();
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
}
