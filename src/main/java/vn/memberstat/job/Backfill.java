package vn.memberstat.job;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.batch.core.BatchStatus;
import org.springframework.stereotype.Component;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;

/**
 * The nightly job for each date of a range, in order, in one process under one lock: a completed date is skipped,
 * a failed one restarted from its failed step. Stops at the first date that does not complete, so a backfill run
 * again with the same range resumes there.
 */
@Component
public class Backfill {
    private final NightlyLauncher launcher;
    private final CompletedRuns completed;

    public Backfill(NightlyLauncher launcher, CompletedRuns completed) {
        this.launcher = launcher;
        this.completed = completed;
    }

    /** One date of the range: how its launch went and how long it took. */
    public record DateRun(LocalDate date, NightlyLauncher.Launch launch, Duration wall) {
        public boolean completed() {
            return launch.execution().getStatus() == BatchStatus.COMPLETED;
        }
    }

    /** The dates {@code from..to}, both included; a bad range is a usage error. */
    public static void checkRange(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new MemberstatException(ErrorCode.USAGE, "--from " + from + " is after --to " + to);
        }
    }

    /**
     * Runs each date, telling {@code each} as it ends; returns the date that failed, if one did. Dates earlier than
     * the latest completed run are refused as {@code nightly} refuses them, unless {@code allowEarlier}.
     */
    public Optional<DateRun> run(LocalDate from, LocalDate to, Path inbox, boolean allowEarlier, Consumer<DateRun> each) {
        checkRange(from, to);
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            completed.refuseEarlier(date, allowEarlier);
            long started = System.nanoTime();
            NightlyLauncher.Launch launch = launcher.run(date, inbox);
            DateRun run = new DateRun(date, launch, Duration.ofNanos(System.nanoTime() - started));
            each.accept(run);
            if (!run.completed()) {
                return Optional.of(run);
            }
        }
        return Optional.empty();
    }
}
