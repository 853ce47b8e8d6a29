package vn.memberstat.load;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import vn.memberstat.catalogue.Catalogue;
import vn.memberstat.duckdb.SqlScript;
import vn.memberstat.duckdb.WorkingWarehouse;
import vn.memberstat.lake.LakeWriter;
import vn.memberstat.run.RunContext;
import vn.memberstat.run.Stage;
import vn.memberstat.run.MarkedStage;
import vn.memberstat.run.Uncommitted;

/**
 * Load: one transaction that takes the run's lake files, quarantine and registry rows into the
 * warehouse set-based ({@code read_parquet}), applies corrections, and checks row conservation per
 * file against the rows actually stored. A run already loaded is not loaded twice.
 */
public final class LoadTasklet extends MarkedStage {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LoadTasklet.class);
    private final CatalogueRefresh catalogue;

    public LoadTasklet(WorkingWarehouse warehouse, Catalogue catalogue) {
        super(warehouse, Stage.LOAD, "loaded_at");
        this.catalogue = new CatalogueRefresh(catalogue);
    }

    @Override
    public Uncommitted work(RunContext run, StepContribution contribution) {
        List<Path> lakeFiles = LakeWriter.files(run.lakeValues(), run.runId());
        WorkingWarehouse.Transaction transaction = warehouse.begin(run.runId());
        try {
            transaction.run(c -> {
                RunTotals.register(c, run);
                SqlScript.of("load/catalogue_before.sql").execute(c);
                catalogue.refresh(c);
                timed("stage the run's files", () -> RunStaging.stage(c, run, lakeFiles));
                SqlScript.of("load/load.sql").execute(c);
                SqlScript.of("load/current_values.sql").execute(c);
                SqlScript.of("load/registry_changed.sql").execute(c);
                if (registryChanged(c)) {
                    SqlScript.of("load/dim_unit.sql").execute(c);
                    SqlScript.of("load/unit_history.sql").execute(c);
                } else {
                    LOG.info("load: the registry did not change; dim_unit and the unit history stand");
                }
                SqlScript.of("load/run_changes.sql").execute(c);
                SqlScript.of("load/replaced.sql").execute(c);
                SqlScript.of("load/replaced_by_cover.sql").execute(c);
                timed("check each file is taken once", () -> TakenOnceCheck.check(c, run.runId()));
                timed("check row conservation", () -> ConservationCheck.check(c, run.runId()));
                RunTotals.sum(c);
                SqlScript.of("load/load_cleanup.sql").execute(c);
            });
        } catch (RuntimeException e) {
            transaction.close();
            throw e;
        }
        return new Uncommitted() {
            @Override
            public void commit() {
                transaction.commit();
            }

            @Override
            public void close() {
                transaction.close();
            }
        };
    }

    @Override
    public void report(RunContext run, ExecutionContext job) {
        RunTotals.report(warehouse.connection(), run.runId(), job);
    }

    /** Set by load/registry_changed.sql. */
    static boolean registryChanged(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select getvariable('registry_changed')")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    /** Logs how long a part of the load took, as SqlScript does for each statement. */
    private static void timed(String what, SqlAction action) throws SQLException {
        long started = System.nanoTime();
        action.run();
        LOG.info("load: {} in {} ms", what, (System.nanoTime() - started) / 1_000_000);
    }
}
