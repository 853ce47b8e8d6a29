package vn.memberstat.normalise;

import java.util.concurrent.CompletableFuture;
import org.springframework.batch.core.step.StepContribution;
import vn.memberstat.common.CsvTable;
import vn.memberstat.common.WorkerPool;
import vn.memberstat.parquet.ParquetRowWriter;
import vn.memberstat.run.RunContext;
import vn.memberstat.run.RunNotes;
import vn.memberstat.run.Uncommitted;

/** The run's files written under temporary names: the commit checks every file is accounted for and renames them. */
final class NormaliseCommit implements Uncommitted {
    private final RunContext run;
    private final StepContribution contribution;
    private final RunNotes notes;
    private final ParquetRowWriter quarantine;
    private final CsvTable.Writer submissions;
    private final SubmissionOutcomes outcomes;
    private final CompletableFuture<Void> registryWritten;
    private final long manifestFiles;
    private boolean closed;

    NormaliseCommit(RunContext run, StepContribution contribution, RunNotes notes, ParquetRowWriter quarantine,
            CsvTable.Writer submissions, SubmissionOutcomes outcomes, CompletableFuture<Void> registryWritten, long manifestFiles) {
        this.run = run;
        this.contribution = contribution;
        this.notes = notes;
        this.quarantine = quarantine;
        this.submissions = submissions;
        this.outcomes = outcomes;
        this.registryWritten = registryWritten;
        this.manifestFiles = manifestFiles;
    }

    @Override
    public void commit() throws InterruptedException {
        WorkerPool.await(registryWritten);
        outcomes.checkEveryFile(manifestFiles);
        outcomes.writeHeadersFor(run.submissions());
        submissions.commit();
        notes.commit();
        close();
        contribution.getStepExecution().setReadCount(outcomes.rowsRead());
        contribution.incrementWriteCount(outcomes.rowsAccepted());
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closeAll(null, submissions, quarantine, notes);
        }
    }

    /** Closes each in turn, as try-with-resources would; the first failure is thrown, or added to {@code cause}. */
    static void closeAll(Throwable cause, AutoCloseable... resources) {
        RuntimeException first = null;
        for (AutoCloseable r : resources) {
            if (r == null) {
                continue;
            }
            try {
                r.close();
            } catch (Exception e) {
                if (cause != null) {
                    cause.addSuppressed(e);
                } else if (first == null) {
                    first = e instanceof RuntimeException re ? re : new IllegalStateException(e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
