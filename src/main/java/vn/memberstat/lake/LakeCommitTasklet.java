package vn.memberstat.lake;

import java.nio.file.Path;
import java.util.List;
import org.springframework.batch.core.step.StepContribution;
import vn.memberstat.run.RunContext;
import vn.memberstat.run.Stage;
import vn.memberstat.run.StageWork;
import vn.memberstat.run.Uncommitted;

/**
 * Lake: writes the run's records beside its values ({@link RunRecords}), then renames the run's temporary Parquet
 * files into their partitions. Safe to repeat.
 */
public final class LakeCommitTasklet implements StageWork {
    @Override
    public Stage stage() {
        return Stage.LAKE;
    }

    @Override
    public Uncommitted work(RunContext run, StepContribution contribution) {
        List<Path> records = RunRecords.write(run);
        return () -> {
            List<Path> files = LakeWriter.commit(run.lakeValues(), run.runId());
            RunRecords.commit(records);
            contribution.incrementWriteCount(files.size());
        };
    }
}
