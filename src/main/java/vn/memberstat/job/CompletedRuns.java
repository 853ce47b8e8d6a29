package vn.memberstat.job;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.run.RunContext;

/**
 * The run dates the job repository knows as completed, and the rule on dates before the latest of them: a run takes
 * every new file of the inbox whatever its date, so an earlier date files new data under a date before runs that
 * already completed.
 */
@Component
public class CompletedRuns {
    private final JobRepository repository;

    public CompletedRuns(JobRepository repository) {
        this.repository = repository;
    }

    /** The latest run date whose last attempt completed, if any. */
    public Optional<LocalDate> latest() {
        LocalDate latest = null;
        for (JobInstance instance : repository.findJobInstances(NightlyJobConfig.JOB_NAME)) {
            JobExecution last = repository.getLastJobExecution(instance);
            if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                LocalDate date = LocalDate.parse(last.getJobParameters().getString(RunContext.RUN_DATE));
                if (latest == null || date.isAfter(latest)) {
                    latest = date;
                }
            }
        }
        return Optional.ofNullable(latest);
    }

    /** True when the last attempt of {@code date} completed. */
    public boolean completed(LocalDate date) {
        JobExecution last = repository.getLastJobExecution(NightlyJobConfig.JOB_NAME, parameters(date));
        return last != null && last.getStatus() == BatchStatus.COMPLETED;
    }

    /**
     * Refuses a date not yet completed that is earlier than the latest completed one (exit 2), unless allowed.
     * A completed date is not refused: running it again does nothing new.
     */
    public void refuseEarlier(LocalDate date, boolean allowEarlier) {
        if (allowEarlier || completed(date)) {
            return;
        }
        latest().filter(date::isBefore).ifPresent(latest -> {
            throw new MemberstatException(ErrorCode.USAGE, ("--date %s is earlier than the latest completed run, %s: "
                    + "a run takes every new file in the inbox, so %s would record files that arrived after %s under a "
                    + "date before it, and the run history (status, etl_run, the runs' order in the lake and in a "
                    + "rebuild) would no longer follow the order the data came in; give --allow-earlier to run it "
                    + "anyway (for instance to resume a date that failed)").formatted(date, latest, date, latest));
        });
    }

    /** The identifying parameters of a run date, as the launcher gives them. */
    static JobParameters parameters(LocalDate date) {
        return new JobParametersBuilder().addString(RunContext.RUN_DATE, date.toString()).toJobParameters();
    }
}
