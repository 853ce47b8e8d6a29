package vn.memberstat.normalise;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import vn.memberstat.common.CsvTable;
import vn.memberstat.common.WorkerPool;
import vn.memberstat.run.NormalisedValue;
import vn.memberstat.run.RetriedRows;
import vn.memberstat.run.RunContext;
import vn.memberstat.run.ValueLake;

/**
 * Quarantined values whose cause is gone go to the lake, marked with their quarantine key; those kept out by
 * another cause now are listed in {@link RunContext#retriedReasons()} for the load to record.
 */
final class ValueRetry {
    /** The quarantined values to retry, as DuckDB writes them for this step to read; deleted once read. */
    static final String RETRY_VALUES = "retry-values.csv.tmp";
    /** Values handed to a helper at a time. */
    private static final int ROWS = 4096;
    private final WorkerPool helpers;
    private final ValueNormaliser normaliser;
    private final ValueLake.Writer lake;

    ValueRetry(WorkerPool helpers, ValueNormaliser normaliser, ValueLake.Writer lake) {
        this.helpers = helpers;
        this.normaliser = normaliser;
        this.lake = lake;
    }

    /** Retries every pending quarantined value; how many were read back. */
    long run(RunContext run, Connection warehouse) throws InterruptedException {
        try (CsvTable.Writer newReasons = CsvTable.writer(run.retriedReasons(), RetriedRows.REASON_COLUMNS)) {
            Batches batches = new Batches(helpers.handOff(), r -> {
                synchronized (newReasons) {
                    newReasons.row(List.of(r.key(), r.reason().name(), r.detail()));
                }
            });
            long retried;
            try {
                retried = QuarantineRetry.forEachPendingValue(warehouse, run.runDir().resolve(RETRY_VALUES), batches);
                batches.flush();
            } finally {
                batches.tasks.awaitAll();
            }
            newReasons.commit();
            return retried;
        }
    }

    /**
     * The quarantined values read back, handed to the helpers a batch at a time (a national month waiting for its
     * registry is 2 million of them): the reading thread only parses, the helpers check and write to the lake.
     */
    private final class Batches implements Consumer<QuarantineRetry.Row> {
        private final WorkerPool.HandOff tasks;
        private final Consumer<QuarantineRetry.NewReason> newReasons;
        private List<QuarantineRetry.Row> rows = new ArrayList<>(ROWS);

        Batches(WorkerPool.HandOff tasks, Consumer<QuarantineRetry.NewReason> newReasons) {
            this.tasks = tasks;
            this.newReasons = newReasons;
        }

        @Override
        public void accept(QuarantineRetry.Row row) {
            rows.add(row);
            if (rows.size() == ROWS) {
                flush();
            }
        }

        void flush() {
            List<QuarantineRetry.Row> batch = rows;
            rows = new ArrayList<>(ROWS);
            try {
                tasks.run(() -> {
                    List<NormalisedValue> passed = new ArrayList<>(batch.size());
                    for (QuarantineRetry.Row row : batch) {
                        NormalisedValue v = QuarantineRetry.value(row, normaliser, newReasons);
                        if (v != null) {
                            passed.add(v);
                        }
                    }
                    lake.write(passed);
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while retrying quarantined values", e);
            }
        }
    }
}
