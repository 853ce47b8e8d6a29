package vn.memberstat.normalise;

import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import vn.memberstat.catalogue.Catalogue;
import vn.memberstat.common.CsvTable;
import vn.memberstat.common.WorkerPool;
import vn.memberstat.duckdb.WorkingWarehouse;
import vn.memberstat.parquet.ParquetRowWriter;
import vn.memberstat.run.LakeTables;
import vn.memberstat.run.MemberstatProperties;
import vn.memberstat.run.Rejection;
import vn.memberstat.run.RunContext;
import vn.memberstat.run.RunNotes;
import vn.memberstat.run.Stage;
import vn.memberstat.run.StageWork;
import vn.memberstat.run.SubmissionsFile;
import vn.memberstat.run.Uncommitted;
import vn.memberstat.run.ValueLake;

/**
 * Read and normalise: registry files and workbooks' registry sheets first (they decide which units exist), then the
 * data files and sheets on
 * every core. Accepted values stream into the lake's temporary files, quarantined rows into the run's
 * quarantine file, and each file's counts into {@code submissions.csv}.
 */
public final class NormaliseTasklet implements StageWork {
    private static final Logger LOG = LoggerFactory.getLogger(NormaliseTasklet.class);
    private final MemberstatProperties properties;
    private final WorkingWarehouse warehouse;
    private final Catalogue catalogue;
    private final ValueLake valueLake;

    public NormaliseTasklet(MemberstatProperties properties, WorkingWarehouse warehouse, Catalogue catalogue, ValueLake valueLake) {
        this.properties = properties;
        this.warehouse = warehouse;
        this.catalogue = catalogue;
        this.valueLake = valueLake;
    }

    @Override
    public Stage stage() {
        return Stage.NORMALISE;
    }

    @Override
    public Uncommitted work(RunContext run, StepContribution contribution) throws Exception {
        valueLake.discard(run);
        long started = System.nanoTime();
        List<QuarantineRetry.Row> registryRetries = QuarantineRetry.pendingRegistry(warehouse.connection());
        long pending = System.nanoTime();
        // notes.txt anew: the pull's notes, then this step's, in place when the step ends
        RunNotes notes = RunNotes.open(run.notes(), true);
        ParquetRowWriter quarantine = null;
        CsvTable.Writer submissions = null;
        try {
            quarantine = new ParquetRowWriter(run.quarantine(), LakeTables.QUARANTINE);
            submissions = CsvTable.writer(run.submissions(), SubmissionsFile.COLUMNS);
            Consumer<Rejection> rejections = quarantined(quarantine);
            SubmissionOutcomes outcomes = new SubmissionOutcomes(submissions, rejections, properties.zone());
            HeaderLayouts layouts = new HeaderLayouts(properties.maxLineChars());
            RegistryFiles registryFiles = RegistryFiles.find(run.pulledManifest(), layouts, notes, outcomes,
                    properties.workerThreads());
            long registryFound = System.nanoTime();
            RegistryPass.Result registry = new RegistryPass(catalogue, warehouse, layouts, outcomes, rejections, notes)
                    .normalise(run, registryFiles.taken(), registryRetries);
            long registryRead = System.nanoTime();
            warehouse.prefetch();   // the warehouse is not read again until the load; parsing leaves the disk idle
            try {
                ValueNormaliser normaliser = new ValueNormaliser(catalogue, registry.units(), run.runDate());
                long valueRetries;
                try (ValueLake.Writer lake = valueLake.open(run); WorkerPool pool = new WorkerPool(properties.workerThreads())) {
                    valueRetries = new ValueRetry(pool, normaliser, lake).run(run, warehouse.connection());
                    new DataPass(pool, layouts, normaliser, lake, outcomes, rejections, notes)
                            .run(run.pulledManifest(), registryFiles.ids(), registry.workbookParts());
                }
                LOG.info("normalise: {} quarantined registry rows to retry ({} ms); {} files, {} of them registry files ({} ms); "
                        + "registry ({} ms); {} quarantined values retried, data files and lake ({} ms)", registryRetries.size(),
                        ms(pending - started),
                        registryFiles.manifestFiles(), registryFiles.taken().size(), ms(registryFound - pending),
                        ms(registryRead - registryFound), valueRetries, ms(System.nanoTime() - registryRead));
            } catch (RuntimeException | InterruptedException e) {
                registry.written().exceptionally(ignored -> null).join();   // the first failure is the one to report
                throw e;
            }
            return new NormaliseCommit(run, contribution, notes, quarantine, submissions, outcomes, registry.written(),
                    registryFiles.manifestFiles());
        } catch (Exception | Error e) {
            NormaliseCommit.closeAll(e, submissions, quarantine, notes);
            throw e;
        }
    }

    /** The quarantine's rows, written from many threads at once. */
    private static Consumer<Rejection> quarantined(ParquetRowWriter quarantine) {
        return r -> {
            synchronized (quarantine) {
                quarantine.write(LakeTables.quarantineRow(r));
            }
        };
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
