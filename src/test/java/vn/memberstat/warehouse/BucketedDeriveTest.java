package vn.memberstat.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.query;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;

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
}
