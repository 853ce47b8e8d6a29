package vn.memberstat.job;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.run.RunContext;

/**
 * Starts the nightly job for a run date, restarts it from the failed step when the last attempt
 * failed, and does nothing for a date that already completed. Called under the {@link RunLock}, so
 * an execution still marked as running belongs to a process that died: it is marked failed first.
 */
@Component
public class NightlyLauncher {
    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;

    public NightlyLauncher(JobOperator operator, JobRepository repository, Job nightlyJob) {
        this.operator = operator;
        this.repository = repository;
        this.job = nightlyJob;
    }

    public record Launch(JobExecution execution, boolean alreadyCompleted, boolean restarted, boolean recovered) {}

    public Launch run(LocalDate runDate, Path inbox) {
        JobParameters parameters = new JobParametersBuilder()
                .addString(RunContext.RUN_DATE, runDate.toString())
                .addString(RunContext.INBOX, inbox.toAbsolutePath().toString(), false)
                .toJobParameters();
        JobExecution last = repository.getLastJobExecution(NightlyJobConfig.JOB_NAME, parameters);
        boolean recovered = false;
        if (last != null) {
            if (last.getStatus() == BatchStatus.COMPLETED) {
                return new Launch(last, true, false, false);
            }
            if (last.getStatus().isRunning() || last.getStatus() == BatchStatus.STOPPING) {
                markDead(last);
                recovered = true;
            }
        }
        try {
            JobExecution execution = operator.start(job, parameters);
            return new Launch(execution, false, last != null, recovered);
        } catch (Exception e) {
            throw new MemberstatException(ErrorCode.RUN_FAILED, "cannot start the nightly job for " + runDate + ": " + e.getMessage(), e);
        }
    }

    private void markDead(JobExecution execution) {
        LocalDateTime now = LocalDateTime.now();
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus().isRunning() || step.getStatus() == BatchStatus.STOPPING) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(ExitStatus.FAILED.addExitDescription("the process running this step died"));
                step.setEndTime(now);
                repository.update(step);
            }
        }
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(ExitStatus.FAILED.addExitDescription("the process running this job died"));
        execution.setEndTime(now);
        repository.update(execution);
    }
}
