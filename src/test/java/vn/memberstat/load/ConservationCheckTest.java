package vn.memberstat.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.support.Memberstat;

/**
 * The load's row conservation check counts the values a run added: it passes on what the run stored, and
 * fails, naming the file, when a value is missing or a file of another run gained one.
 */
final class ConservationCheckTest {
    private static final String RUN = "2026-06-30";

    @TempDir
    Path temp;

    @Test
    void aLostValueOrOneAddedToAnotherFileBreaksConservation() throws Exception {
        Path inbox = Memberstat.copySample(temp.resolve("inbox"));
        Path home = temp.resolve("home");
        assertThat(Memberstat.nightly(home, inbox, RUN).exitCode()).isZero();

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + home.resolve("work").resolve("warehouse.duckdb"));
                Statement s = c.createStatement()) {
            // the temp tables the load step leaves in its session, as they were for this run (nothing retried)
            s.execute("set variable run_id = '" + RUN + "'");
            s.execute("create temp table stage_registry as select submission_id, quarantine_key from read_parquet('"
                    + home.resolve("runs").resolve(RUN).resolve("registry.parquet") + "')");
            s.execute("create temp table stage_value as select * exclude (run_id), null::bigint as quarantine_key "
                    + "from fct_reported_value where false");
            s.execute("create temp table stage_resolved (quarantine_key bigint, resolution varchar)");
            s.execute("create temp table retried_row as select *, false as conflicting, false as repeated from stage_value");
            ConservationCheck.check(c, RUN);

            String submission = text(s, "select min(submission_id) from fct_reported_value");
            String file = text(s, "select file_path from dim_submission where submission_id = '" + submission + "'");
            long loaded = Long.parseLong(text(s, "select rows_loaded from dim_submission where submission_id = '" + submission + "'"));
            s.execute("create temp table lost as select * from fct_reported_value where submission_id = '" + submission
                    + "' order by line_number, indicator_code, category_code limit 1");
            s.execute("delete from fct_reported_value f using lost l where f.submission_id = l.submission_id "
                    + "and f.line_number = l.line_number and f.indicator_code = l.indicator_code and f.category_code = l.category_code");
            assertThatThrownBy(() -> ConservationCheck.check(c, RUN))
                    .isInstanceOfSatisfying(MemberstatException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONSERVATION_BROKEN))
                    .hasMessageContaining(file + ": read ")
                    .hasMessageContaining("loaded " + loaded + ",")
                    .hasMessageContaining("stored " + (loaded - 1) + ",");

            s.execute("insert into fct_reported_value select * from lost");
            ConservationCheck.check(c, RUN);
            s.execute("insert into fct_reported_value select * replace ('an-earlier-file' as submission_id) from lost");
            assertThatThrownBy(() -> ConservationCheck.check(c, RUN))
                    .hasMessageContaining("submission an-earlier-file (not of this run): read 0, loaded 0, quarantined 0, duplicate 0; stored 1");
        }
    }

    private static String text(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
