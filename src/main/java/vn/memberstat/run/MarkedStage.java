package vn.memberstat.run;

import static java.util.Objects.requireNonNull;

import vn.memberstat.duckdb.WorkingWarehouse;

/**
 * A stage of the warehouse whose commit sets a column of the run's {@code etl_run} row: a restart finds it set
 * and does not do the stage twice.
 */
public abstract class MarkedStage implements StageWork {
    protected final WorkingWarehouse warehouse;
    private final Stage stage;
    private final String mark;

    protected MarkedStage(WorkingWarehouse warehouse, Stage stage, String mark) {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.stage = requireNonNull(stage, "stage is null");
        this.mark = requireNonNull(mark, "mark is null");
    }

    @Override
    public final Stage stage() {
        return stage;
    }

    @Override
    public final boolean done(RunContext run) {
        return warehouse.runMarked(run.runId(), mark);
    }

    /** The commit of work already written: the mark, with {@code alsoSql} in its transaction. */
    protected final Uncommitted markDone(RunContext run, String... alsoSql) {
        return () -> warehouse.markRun(run.runId(), mark, alsoSql);
    }
}
