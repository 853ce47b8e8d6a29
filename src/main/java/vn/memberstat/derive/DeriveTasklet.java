package vn.memberstat.derive;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import vn.memberstat.job.FaultInjector;
import vn.memberstat.run.MemberstatProperties;
import vn.memberstat.run.RunContext;
import vn.memberstat.run.Stage;
import vn.memberstat.duckdb.ScopedScript;
import vn.memberstat.duckdb.SqlScript;
import vn.memberstat.duckdb.WorkingWarehouse;

/**
 * Derive: year-to-date and monthly flows, stocks and count quotas, recomputed bucket by bucket for
 * the units and years the run touched. Recomputing is idempotent, and the run's derived_at mark
 * keeps a restart from doing it twice.
 */
public final class DeriveTasklet implements Tasklet {
    private final MemberstatProperties properties;
    private final WorkingWarehouse warehouse;
    private final FaultInjector faults;

    public DeriveTasklet(MemberstatProperties properties, WorkingWarehouse warehouse, FaultInjector faults) {
        this.properties = properties;
        this.warehouse = warehouse;
        this.faults = faults;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        RunContext run = RunContext.of(chunk, properties);
        if (warehouse.runMarked(run.runId(), "derived_at")) {
            return RepeatStatus.FINISHED;
        }
        ScopedScript.run(warehouse, run.runId(), properties.bucketRows(), SqlScript.step("derive.sql"));
        faults.at(Stage.DERIVE);
        warehouse.inTransaction(run.runId(), c -> {
            try (var s = c.createStatement()) {
                s.execute("update etl_run set derived_at = now() where run_id = getvariable('run_id')");
            }
        });
        return RepeatStatus.FINISHED;
    }
}
