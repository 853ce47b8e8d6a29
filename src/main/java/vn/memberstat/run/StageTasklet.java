package vn.memberstat.run;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** The one step skeleton every stage runs in: skip when done, work, tell the listeners, commit, report. */
public final class StageTasklet implements Tasklet {
    private final StageWork work;
    private final MemberstatProperties properties;
    private final List<StageListener> listeners;

    public StageTasklet(StageWork work, MemberstatProperties properties, List<StageListener> listeners) {
        this.work = requireNonNull(work, "work is null");
        this.properties = requireNonNull(properties, "properties is null");
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
        RunContext run = RunContext.of(chunk, properties);
        if (!work.done(run)) {
            try (Uncommitted pending = work.work(run, contribution)) {
                for (StageListener listener : listeners) {
                    listener.beforeCommit(work.stage());
                }
                pending.commit();
            }
        }
        work.report(run, contribution.getStepExecution().getJobExecution().getExecutionContext());
        return RepeatStatus.FINISHED;
    }
}
