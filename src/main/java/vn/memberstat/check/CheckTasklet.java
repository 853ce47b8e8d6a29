package vn.memberstat.check;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.duckdb.ScopedScript;
import vn.memberstat.duckdb.SqlScript;
import vn.memberstat.duckdb.WorkingWarehouse;
import vn.memberstat.run.RunContext;
import vn.memberstat.run.Stage;
import vn.memberstat.run.MarkedStage;
import vn.memberstat.run.Uncommitted;

/**
 * Check: recomputes the data-quality findings of the units and years the run touched, bucket by bucket, with
 * the rules of {@code warehouse-sql/check/rules/}; then the checks of {@code warehouse-sql/checks/} over the whole warehouse.
 */
public final class CheckTasklet extends MarkedStage {
    private final long bucketRows;
    private final double outlierThreshold;

    public CheckTasklet(WorkingWarehouse warehouse, long bucketRows, double outlierThreshold) {
        super(warehouse, Stage.CHECK, "checked_at");
        this.bucketRows = bucketRows;
        this.outlierThreshold = outlierThreshold;
    }

    @Override
    public Uncommitted work(RunContext run, StepContribution contribution) {
        // the rules read their settings as DuckDB variables of the connection (07_outlier.sql)
        warehouse.inTransaction(run.runId(), c -> {
            try (Statement s = c.createStatement()) {
                s.execute("set variable outlier_threshold = " + outlierThreshold);
            }
        });
        List<SqlScript> bucket = new ArrayList<>();
        bucket.add(SqlScript.of("check/bucket_prologue.sql"));
        bucket.addAll(SqlScript.folder("check/rules"));   // one rule a file, in the order of their names
        bucket.add(SqlScript.of("check/bucket_epilogue.sql"));
        ScopedScript.run(warehouse, run.runId(), bucketRows, SqlScript.of("check/check_scope.sql"), bucket);
        // the warehouse checks read the whole warehouse once the rules' findings are in; an error-level one fails the run
        warehouse.inTransaction(run.runId(), c -> WarehouseChecks.run(c, run.runId()));
        // the units and years left to check again (scope/scope.sql) were checked above
        return markDone(run, "delete from dq_recheck");
    }

    @Override
    public void report(RunContext run, ExecutionContext job) {
        String sql = "select count(*), count(*) filter (where severity = 'error') from dq_finding_row where run_id = ?";
        try (PreparedStatement s = warehouse.connection().prepareStatement(sql)) {
            s.setString(1, run.runId());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                job.putLong("findings", rs.getLong(1));
                job.putLong("findings_error", rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot count findings: " + e.getMessage(), e);
        }
    }
}
