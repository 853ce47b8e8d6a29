package vn.memberstat.job;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;
import vn.memberstat.catalogue.Catalogue;
import vn.memberstat.check.CheckTasklet;
import vn.memberstat.run.MemberstatProperties;
import vn.memberstat.duckdb.WorkingWarehouse;
import vn.memberstat.load.LoadTasklet;
import vn.memberstat.run.RunContext;

/**
 * The runs a rebuild replayed, recorded in the job repository as completed with their counts. Without it, a
 * rebuilt home's {@code nightly} for a date of the lake would run that date again, and its normalise step would
 * first drop the date's values from the lake.
 */
@Component
public class RebuiltRuns {
    static final String REBUILT = "rebuilt from the lake";
    private final JobRepository repository;
    private final CompletedRuns completed;
    private final Catalogue catalogue;
    private final double outlierThreshold;

    public RebuiltRuns(JobRepository repository, CompletedRuns completed, Catalogue catalogue, MemberstatProperties properties) {
        this.repository = repository;
        this.outlierThreshold = properties.outlierThreshold();
        this.completed = completed;
        this.catalogue = catalogue;
    }

    /** Records each run not already completed, its counts read from {@code warehouse}. */
    void completed(List<RunContext> runs, WorkingWarehouse warehouse) {
        LoadTasklet load = new LoadTasklet(warehouse, catalogue);
        CheckTasklet check = new CheckTasklet(warehouse, 1, outlierThreshold);
        for (RunContext run : runs) {
            if (completed.completed(run.runDate())) {
                continue;
            }
            JobParameters parameters = CompletedRuns.parameters(run.runDate());
            JobInstance instance = repository.getJobInstance(NightlyJobConfig.JOB_NAME, parameters);
            if (instance == null) {
                instance = repository.createJobInstance(NightlyJobConfig.JOB_NAME, parameters);
            }
            JobExecution execution = repository.createJobExecution(instance, parameters, new ExecutionContext());
            ExecutionContext counts = execution.getExecutionContext();
            load.report(run, counts);
            check.report(run, counts);
            LocalDateTime now = LocalDateTime.now();
            execution.setStartTime(now);
            execution.setEndTime(now);
            execution.setStatus(BatchStatus.COMPLETED);
            execution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(REBUILT));
            repository.update(execution);
            repository.updateExecutionContext(execution);
        }
    }
}
