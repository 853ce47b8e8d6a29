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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import vn.memberstat.catalogue.Catalogue;
import vn.memberstat.common.MemberstatException;
import java.util.List;
import vn.memberstat.lake.LakeCommitTasklet;
import vn.memberstat.lake.ParquetLake;
import vn.memberstat.normalise.NormaliseTasklet;
import vn.memberstat.pull.PullTasklet;
import vn.memberstat.check.CheckTasklet;
import vn.memberstat.derive.DeriveTasklet;
import vn.memberstat.load.LoadTasklet;
import vn.memberstat.publish.PublishTasklet;
import vn.memberstat.report.ProgressDisplay;
import vn.memberstat.report.ProgressListener;
import vn.memberstat.report.RunReportListener;
import vn.memberstat.report.RunReports;
import vn.memberstat.duckdb.WorkingWarehouse;
import vn.memberstat.run.MemberstatProperties;
import vn.memberstat.run.RunContext;
import vn.memberstat.run.StageListener;
import vn.memberstat.run.StageTasklet;
import vn.memberstat.run.StageWork;

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
        return new WorkingWarehouse(properties.home(), properties.duckdbMemory(), properties.warehouseTemplateFile());
    }

    @Bean
    Job nightlyJob(JobRepository repository, PlatformTransactionManager tm, MemberstatProperties p, WorkingWarehouse w,
            Catalogue catalogue, ObjectProvider<ProgressDisplay> display) {
        // fail-at and crash-at drills listen between a stage's work and its commit; a normal run has no listener
        List<StageListener> listeners = FaultInjector.wanted(p) ? List.of(new FaultInjector(p)) : List.of();
        // the run's report, and its progress (the nightly command supplies the display; other uses show none)
        RunReportListener report = new RunReportListener(new RunReports(p.home()), w);
        ProgressListener progress = new ProgressListener(display.getIfAvailable(() -> ProgressDisplay.NONE));
        StepFactory steps = new StepFactory(repository, tm, p, listeners, List.of(progress, report));
        return new JobBuilder(JOB_NAME, repository)
                .validator(runDateValidator())
                .listener(report)
                .start(steps.of(new PullTasklet(p, w)))
                .next(steps.of(new NormaliseTasklet(p, w, catalogue, new ParquetLake())))
                .next(steps.of(new LakeCommitTasklet()))
                .next(steps.of(new LoadTasklet(w, catalogue)))
                .next(steps.of(new DeriveTasklet(w, p.bucketRows())))
                .next(steps.of(new CheckTasklet(w, p.bucketRows(), p.outlierThreshold())))
                .next(steps.of(new PublishTasklet(w)))
                .build();
    }

    /** Each stage's step: its work in the one skeleton, the step's error recorded for status. */
    private record StepFactory(JobRepository repository, PlatformTransactionManager tm, MemberstatProperties properties,
            List<StageListener> listeners, List<StepExecutionListener> stepListeners) {
        Step of(StageWork work) {
            StepBuilder builder = new StepBuilder(work.stage().stepName(), repository);
            stepListeners.forEach(builder::listener);
            return builder
                    .tasklet(new StageTasklet(work, properties, listeners), tm)
                    .listener(RECORD_ERROR)
                    .build();
        }
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
