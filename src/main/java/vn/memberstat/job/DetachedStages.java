package vn.memberstat.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import vn.memberstat.run.RunContext;
import vn.memberstat.run.StageWork;
import vn.memberstat.run.Uncommitted;

/**
 * A stage of the nightly job run outside the job, as rebuild and reprocess run them: its work, then its commit, with
 * a step contribution that the job repository never keeps.
 */
final class DetachedStages {
    private DetachedStages() {}

    static void commit(StageWork stage, RunContext run, String stepName) throws Exception {
        JobExecution job = new JobExecution(0L, new JobInstance(0L, NightlyJobConfig.JOB_NAME), CompletedRuns.parameters(run.runDate()));
        StepContribution contribution = new StepExecution(stepName, job).createStepContribution();
        try (Uncommitted pending = stage.work(run, contribution)) {
            pending.commit();
        }
    }

    /** Sets a DuckDB variable to a text. */
    static void setVariable(Connection c, String name, String value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("set variable " + name + " = ?")) {
            s.setString(1, value);
            s.execute();
        }
    }
}
