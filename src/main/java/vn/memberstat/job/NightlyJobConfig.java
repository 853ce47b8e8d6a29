package vn.memberstat.job;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import vn.memberstat.catalogue.Catalogue;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.lake.LakeCommitTasklet;
import vn.memberstat.normalise.NormaliseTasklet;
import vn.memberstat.pull.PullTasklet;
import vn.memberstat.check.CheckTasklet;
import vn.memberstat.derive.DeriveTasklet;
import vn.memberstat.load.LoadTasklet;
import vn.memberstat.publish.PublishTasklet;
import vn.memberstat.duckdb.WorkingWarehouse;
import vn.memberstat.run.MemberstatProperties;
import vn.memberstat.run.RunContext;
import vn.memberstat.run.Stage;

/** The nightly job: one step per stage, restartable from the failed step with the same run date. */
@Configuration
@EnableConfigurationProperties(MemberstatProperties.class)
public class NightlyJobConfig {
    public static final String JOB_NAME = "nightly";

    @Bean
    Catalogue catalogue() {
        return Catalogue.load();
    }

    @Bean(destroyMethod = "close")
    WorkingWarehouse workingWarehouse(MemberstatProperties properties) {
        return new WorkingWarehouse(properties.home(), properties.duckdbMemory());
    }

    @Bean
    FaultInjector faultInjector(MemberstatProperties properties) {
        return new FaultInjector(properties);
    }

    @Bean
    Job nightlyJob(JobRepository repository, PlatformTransactionManager tm, MemberstatProperties p, WorkingWarehouse w,
            Catalogue catalogue, FaultInjector faults) {
        return new JobBuilder(JOB_NAME, repository)
                .validator(runDateValidator())
                .start(step(Stage.PULL, new PullTasklet(p, w, faults), repository, tm))
                .next(step(Stage.NORMALISE, new NormaliseTasklet(p, w, catalogue, faults), repository, tm))
                .next(step(Stage.LAKE, new LakeCommitTasklet(p, faults), repository, tm))
                .next(step(Stage.LOAD, new LoadTasklet(p, w, catalogue, faults), repository, tm))
                .next(step(Stage.DERIVE, new DeriveTasklet(p, w, faults), repository, tm))
                .next(step(Stage.CHECK, new CheckTasklet(p, w, faults), repository, tm))
                .next(step(Stage.PUBLISH, new PublishTasklet(p, w, faults), repository, tm))
                .build();
    }

    private static Step step(Stage stage, Tasklet tasklet, JobRepository repository, PlatformTransactionManager tm) {
        return new StepBuilder(stage.stepName(), repository).tasklet(tasklet, tm).listener(RECORD_ERROR).build();
    }

    /** The key of a failed step's error, in words, in its execution context. */
    public static final String STEP_ERROR = "error";

    /**
     * Keeps a failed step's error in its execution context, which the job repository stores: the exceptions
     * themselves live only in the process that ran it, and {@code status} runs in another. A restart that
     * succeeds carries the context over, so the error is removed again.
     */
    private static final StepExecutionListener RECORD_ERROR = new StepExecutionListener() {
        @Override
        public ExitStatus afterStep(StepExecution step) {
            if (step.getFailureExceptions().isEmpty()) {
                step.getExecutionContext().remove(STEP_ERROR);
            } else {
                step.getExecutionContext().putString(STEP_ERROR, MemberstatException.describe(step.getFailureExceptions().get(0)));
            }
            return null;
        }
    };

    static JobParametersValidator runDateValidator() {
        return parameters -> {
            String date = parameters.getString(RunContext.RUN_DATE);
            if (date == null) {
                throw new InvalidJobParametersException("the nightly job needs the parameter " + RunContext.RUN_DATE);
            }
            try {
                LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw new InvalidJobParametersException("runDate '" + date + "' is not a date (YYYY-MM-DD)");
            }
        };
    }
}
