package vn.memberstat.job;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import vn.memberstat.run.RunContext;

/**
 * What the job repository says about past nightly runs, as far as a scheduler needs it: whether any run was
 * recorded, and the latest run date that completed (dates, not the order runs were made in: a backfill of old
 * dates comes after newer ones).
 */
public record RunHistory(boolean anyRun, Optional<LocalDate> latestCompleted) {
    public static final RunHistory NONE = new RunHistory(false, Optional.empty());

    public static RunHistory of(JobRepository repository) {
        LocalDate latest = null;
        boolean any = false;
        for (JobInstance instance : repository.findJobInstances(NightlyJobConfig.JOB_NAME)) {
            JobExecution last = repository.getLastJobExecution(instance);
            if (last == null) {
                continue;
            }
            any = true;
            String date = last.getJobParameters().getString(RunContext.RUN_DATE);
            if (last.getStatus() == BatchStatus.COMPLETED && date != null) {
                LocalDate d = LocalDate.parse(date);
                if (latest == null || d.isAfter(latest)) {
                    latest = d;
                }
            }
        }
        return new RunHistory(any, Optional.ofNullable(latest));
    }
}
