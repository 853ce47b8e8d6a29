package vn.memberstat.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.duckdb.SqlScript;
import vn.memberstat.run.RunContext;

/**
 * The run's row of etl_run: added when its load starts, its totals summed from the audit rows of its files when
 * the load ends (load/run_totals.sql), and read back for the run summary.
 */
final class RunTotals {
    private RunTotals() {}

    static void register(Connection c, RunContext run) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "insert into etl_run (run_id, run_date) values (?, ?) on conflict do nothing")) {
            s.setString(1, run.runId());
            s.setObject(2, run.runDate());
            s.execute();
        }
    }

    static void sum(Connection c) {
        SqlScript.of("load/run_totals.sql").execute(c);
    }

    static void report(Connection c, String runId, ExecutionContext context) {
        String sql = "select files_pulled, files_refused, rows_read, rows_loaded, rows_quarantined, rows_duplicate, "
                + "rows_retried_loaded from etl_run where run_id = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    context.putLong("files_pulled", rs.getLong(1));
                    context.putLong("files_refused", rs.getLong(2));
                    context.putLong("rows_read", rs.getLong(3));
                    context.putLong("rows_loaded", rs.getLong(4));
                    context.putLong("rows_quarantined", rs.getLong(5));
                    context.putLong("rows_duplicate", rs.getLong(6));
                    context.putLong("rows_retried", rs.getLong(7));
                }
            }
        } catch (SQLException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot read etl_run: " + e.getMessage(), e);
        }
    }
}
