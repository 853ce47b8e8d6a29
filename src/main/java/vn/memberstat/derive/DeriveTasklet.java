package vn.memberstat.derive;

import org.springframework.batch.core.step.StepContribution;
import vn.memberstat.duckdb.ScopedScript;
import vn.memberstat.duckdb.SqlScript;
import vn.memberstat.duckdb.WorkingWarehouse;
import vn.memberstat.run.RunContext;
import vn.memberstat.run.Stage;
import vn.memberstat.run.MarkedStage;
import vn.memberstat.run.Uncommitted;

/**
 * Derive: year-to-date and monthly flows, stocks and count quotas, recomputed bucket by bucket for
 * the units and years the run touched. Recomputing is idempotent, and the run's derived_at mark
 * keeps a restart from doing it twice.
 */
public final class DeriveTasklet extends MarkedStage {
    private final long bucketRows;

    public DeriveTasklet(WorkingWarehouse warehouse, long bucketRows) {
        super(warehouse, Stage.DERIVE, "derived_at");
        this.bucketRows = bucketRows;
    }

    @Override
    public Uncommitted work(RunContext run, StepContribution contribution) {
        ScopedScript.run(warehouse, run.runId(), bucketRows, SqlScript.of("derive/derive.sql"));
        return markDone(run);
    }
}
