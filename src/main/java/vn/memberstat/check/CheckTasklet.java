package vn.memberstat.check;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.job.FaultInjector;
import vn.memberstat.run.MemberstatProperties;
import vn.memberstat.run.RunContext;
import vn.memberstat.run.Stage;
import vn.memberstat.duckdb.ScopedScript;
import vn.memberstat.duckdb.SqlScript;
import vn.memberstat.duckdb.WorkingWarehouse;

/** Check: recomputes the data-quality findings of the units and years the run touched. */
public final class CheckTasklet implements Tasklet {
    private final MemberstatProperties properties;
    private final WorkingWarehouse warehouse;
    private final FaultInjector faults;

    public CheckTasklet(MemberstatProperties properties, WorkingWarehouse warehouse, FaultInjector faults) {
        this.properties = properties;
        this.warehouse = warehouse;
        this.faults = faults;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        RunContext run = RunContext.of(chunk, properties);
        if (!warehouse.runMarked(run.runId(), "checked_at")) {
            ScopedScript.run(warehouse, run.runId(), properties.bucketRows(), SqlScript.step("check_scope.sql"),
                    SqlScript.step("check.sql"));
            faults.at(Stage.CHECK);
            warehouse.inTransaction(run.runId(), c -> {
                try (var s = c.createStatement()) {
                    s.execute("update etl_run set checked_at = now() where run_id = getvariable('run_id')");
                    s.execute("delete from dq_recheck");   // checked again above (scope.sql)
                }
            });
        }
        String sql = "select count(*), count(*) filter (where severity = 'error') from dq_finding_row where run_id = ?";
        try (PreparedStatement s = warehouse.connection().prepareStatement(sql)) {
            s.setString(1, run.runId());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                var context = chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
                context.putLong("findings", rs.getLong(1));
                context.putLong("findings_error", rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot count findings: " + e.getMessage(), e);
        }
        return RepeatStatus.FINISHED;
    }
}
