package vn.memberstat.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.query;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;
import vn.memberstat.duckdb.SqlScript;

/** Derive and check split into many buckets of units give exactly what one bucket gives. */
final class BucketedDeriveTest {
    @TempDir
    Path temp;

    @Test
    void bucketsChangeNothingButMemory() {
        Path inbox = Memberstat.copySample(temp.resolve("inbox"));
        Path one = temp.resolve("one");
        Path many = temp.resolve("many");
        assertThat(Memberstat.nightly(one, inbox, "2026-06-30").exitCode()).isZero();
        assertThat(Memberstat.nightly(many, inbox, "2026-06-30", "--memberstat.bucket-rows=10").exitCode()).isZero();
        for (String table : List.of("fct_flow_ytd", "fct_flow_month", "dq_outlier_series", "fct_stock", "fct_quota",
                "dq_finding_row", "v_admission_attainment", "v_term_progress", "v_screening_by_year")) {
            String sql = "select * from " + table + " order by all";
            assertThat(query(many, sql)).as(table).isEqualTo(query(one, sql)).isNotEmpty();
        }
    }

    /** scope.sql cuts the scope into ranges of codes that follow each other and hold every unit once. */
    @Test
    void bucketsAreRangesOfCodesThatTakeEveryUnitOnce() throws Exception {
        Path home = temp.resolve("home");
        assertThat(Memberstat.nightly(home, Memberstat.copySample(temp.resolve("inbox")), "2026-06-30").exitCode()).isZero();
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + home.resolve("warehouse.duckdb"), readOnly);
                Statement s = c.createStatement()) {
            s.execute("set variable run_id = (select max(run_id) from etl_run)");
            s.execute("set variable bucket_rows = 40");
            SqlScript.of("scope/scope.sql").execute(c);
            List<String[]> ranges = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select bucket_from, bucket_to from scope_bucket_range order by bucket")) {
                while (rs.next()) {
                    ranges.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            assertThat(ranges).hasSizeGreaterThan(2);
            assertThat(ranges.get(0)[0]).isEmpty();
            assertThat(ranges.get(ranges.size() - 1)[1]).isEqualTo(new String(Character.toChars(0x10FFFF)));
            for (int i = 1; i < ranges.size(); i++) {
                assertThat(ranges.get(i)[0]).as("bucket %d starts where %d ends", i, i - 1).isEqualTo(ranges.get(i - 1)[1]);
            }
            // every unit of the scope in exactly one bucket, and no bucket far above its share of values
            try (ResultSet rs = s.executeQuery("""
                    select count(*) filter (where buckets <> 1), count(*)
                    from (select s.unit_code, count(r.bucket) as buckets
                          from (select distinct unit_code from scope_all) s
                          left join scope_bucket_range r on s.unit_code >= r.bucket_from and s.unit_code < r.bucket_to
                          group by s.unit_code)""")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
                assertThat(rs.getLong(2)).isGreaterThan(ranges.size());
            }
            // a bucket closes at the first unit that brings it to 40 values or more: below 40 plus its last unit's values
            try (ResultSet rs = s.executeQuery("""
                    with unit_values as (
                        select v.unit_code, count(*) as n
                        from fct_value v join scope_all using (unit_code, year)
                        group by v.unit_code
                    )
                    select r.bucket, sum(u.n) as n, arg_max(u.n, u.unit_code) as last_unit_n
                    from unit_values u
                    join scope_bucket_range r on u.unit_code >= r.bucket_from and u.unit_code < r.bucket_to
                    group by r.bucket""")) {
                int buckets = 0;
                while (rs.next()) {
                    buckets++;
                    assertThat(rs.getLong("n")).as("bucket %d", rs.getLong("bucket"))
                            .isLessThan(40 + rs.getLong("last_unit_n"));
                }
                assertThat(buckets).isEqualTo(ranges.size());
            }
        }
    }
}
