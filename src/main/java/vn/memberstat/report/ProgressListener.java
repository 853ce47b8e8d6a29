package vn.memberstat.report;

import java.util.Map;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import vn.memberstat.common.Progress;

/**
 * Shows each step's progress: starts the display when a step starts and hands it what the stage reports
 * through {@link Progress}. The pull counts files as it hashes them (how many is known only once listed);
 * normalise counts the files the pull took.
 */
public final class ProgressListener implements StepExecutionListener {
    private static final Map<String, String> UNITS = Map.of("pull", "files", "normalise", "files");
    private final ProgressDisplay display;

    public ProgressListener(ProgressDisplay display) {
        this.display = display;
    }

    @Override
    public void beforeStep(StepExecution step) {
        String name = step.getStepName();
        long total = -1;
        if (name.equals("normalise")) {
            total = step.getJobExecution().getStepExecutions().stream()
                    .filter(s -> s.getStepName().equals("pull")).mapToLong(StepExecution::getReadCount).findFirst().orElse(-1);
        }
        display.stageStarted(name, total, UNITS.getOrDefault(name, ""));
        Progress.listen(display::advance);
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        Progress.listen(null);
        display.stageEnded(step.getStepName(), step.getStatus().name());
        return null;
    }
}
