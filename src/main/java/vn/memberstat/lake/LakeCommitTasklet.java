package vn.memberstat.lake;

import java.util.List;
import java.nio.file.Path;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import vn.memberstat.job.FaultInjector;
import vn.memberstat.run.MemberstatProperties;
import vn.memberstat.run.RunContext;
import vn.memberstat.run.Stage;

/** Lake: renames the run's temporary Parquet files into their partitions. Safe to repeat. */
public final class LakeCommitTasklet implements Tasklet {
    private final MemberstatProperties properties;
    private final FaultInjector faults;

    public LakeCommitTasklet(MemberstatProperties properties, FaultInjector faults) {
        this.properties = properties;
        this.faults = faults;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        RunContext run = RunContext.of(chunk, properties);
        faults.at(Stage.LAKE);
        List<Path> files = LakeWriter.commit(run.lakeValues(), run.runId());
        contribution.incrementWriteCount(files.size());
        return RepeatStatus.FINISHED;
    }
}
