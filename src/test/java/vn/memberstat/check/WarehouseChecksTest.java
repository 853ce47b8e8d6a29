package vn.memberstat.check;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.query;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;

/**
 * The checks of warehouse-sql/checks/ after the load: an error-level check that returns rows fails the run with its
 * name and first rows; a warning-level one becomes a WAREHOUSE_CHECK finding; sample-input passes them all.
 */
final class WarehouseChecksTest {
    @TempDir
    Path temp;

    @Test
    void aDuplicateCurrentValueFailsTheRunNamingTheCheck() throws Exception {
        Path inbox = temp.resolve("inbox");
        Path home = temp.resolve("home");
        Memberstat.write(inbox, "registry.csv", Memberstat.REGISTRY_HEADER + """
                HN,Thành ủy Hà Nội,,1,city,1930-03-17,,
                HN.A,Quận ủy Ba Đình,HN,2,urban_district,1997-01-01,,
                """);
        Memberstat.write(inbox, "2024.csv", Memberstat.LONG_HEADER + "HN.A,2024,admitted,total,50,\n");
        assertThat(Memberstat.nightly(home, inbox, "2025-01-31").exitCode()).isZero();
        // what a fault in the load would leave: a second current value for the same key
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + home.resolve("work/warehouse.duckdb"));
                Statement s = c.createStatement()) {
            s.execute("insert into fct_reported_value select * replace (line_number + 100 as line_number, 51 as value)"
                    + " from fct_reported_value where unit_code = 'HN.A'");
        }
        Path later = Memberstat.write(inbox, "2024-b.csv", Memberstat.LONG_HEADER + "HN.A,2024,deceased,total,3,\n");
        Files.setLastModifiedTime(later, FileTime.from(Memberstat.OLD.plusSeconds(86_400)));

        Memberstat.Result run = Memberstat.nightly(home, inbox, "2025-02-28");

        assertThat(run.exitCode()).isNotZero();
        // derive took both values: the first check in name order to see it is the derived facts' key
        assertThat(run.err()).contains("warehouse check unique_derived_keys (error) failed; first rows: fact=fct_flow_ytd,"
                + " unit_code=HN.A, year=2024, indicator_code=admitted, category_code=total, month=12, rows_held=2");
        assertThat(Memberstat.query(home, "select run_date from etl_run where checked_at is not null"))
                .as("the failed run published nothing").hasSize(1);
    }

    @Test
    void aValueLeftOutsideItsUnitsValidityIsAWarningFinding() {
        Path inbox = temp.resolve("inbox");
        Path home = temp.resolve("home");
        Memberstat.write(inbox, "registry.csv", Memberstat.REGISTRY_HEADER + """
                HN,Thành ủy Hà Nội,,1,city,1930-03-17,,
                HN.B,Quận ủy Hoàn Kiếm,HN,2,urban_district,1997-01-01,,
                """);
        Memberstat.write(inbox, "2024.csv", Memberstat.LONG_HEADER + "HN.B,2024-06,members,total,900,\n");
        assertThat(Memberstat.nightly(home, inbox, "2025-01-31").exitCode()).isZero();
        // a registry correction ends the unit before the value it already sent
        Path fix = Memberstat.write(inbox, "registry-2.csv", Memberstat.REGISTRY_HEADER
                + "HN.B,Quận ủy Hoàn Kiếm,HN,2,urban_district,1997-01-01,2023-12-31,\n");
        Path more = Memberstat.write(inbox, "2024-b.csv", Memberstat.LONG_HEADER + "HN,2024-06,members,total,5000,\n");
        try {
            Files.setLastModifiedTime(fix, FileTime.from(Memberstat.OLD.plusSeconds(86_400)));
            Files.setLastModifiedTime(more, FileTime.from(Memberstat.OLD.plusSeconds(86_400)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        Memberstat.Result run = Memberstat.nightly(home, inbox, "2025-02-28");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(query(home, "select severity, unit_code, detail from dq_finding where rule_code = 'WAREHOUSE_CHECK'"))
                .extracting(f -> f.get("severity") + " " + f.get("unit_code") + " " + f.get("detail"))
                .containsExactly("warning HN.B fact_within_unit_validity: unit_code=HN.B, year=2024, period=2024-06");

        // a later night that reads elsewhere leaves the finding standing
        Path other = Memberstat.write(inbox, "2024-c.csv", Memberstat.LONG_HEADER + "HN,2024-07,members,total,5010,\n");
        try {
            Files.setLastModifiedTime(other, FileTime.from(Memberstat.OLD.plusSeconds(2 * 86_400)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(Memberstat.nightly(home, inbox, "2025-03-31").exitCode()).isZero();
        assertThat(query(home, "select unit_code, run_id from dq_finding where rule_code = 'WAREHOUSE_CHECK'"))
                .extracting(f -> f.get("unit_code") + " " + f.get("run_id")).containsExactly("HN.B 2025-02-28");
    }
}
