package vn.memberstat.run;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What one stage does, in the parts {@link StageTasklet} calls in order: skip when an earlier attempt of the run
 * committed it, do the work without making it count, commit, and report. Between the work and its commit the
 * step's {@link StageListener}s are told.
 */
public interface StageWork {
    /** The stage this is the work of. */
    Stage stage();

    /** True when an earlier attempt of this run already committed the stage: its work is not done again. */
    default boolean done(RunContext run) {
        return false;
    }

    /** Does the stage's work; what it returns makes it count, or is closed uncommitted when anything fails. */
    Uncommitted work(RunContext run, StepContribution contribution) throws Exception;

    /** After the commit, or when the stage was done already: the figures the run summary reads, into the job's context. */
    default void report(RunContext run, ExecutionContext job) {}
}
