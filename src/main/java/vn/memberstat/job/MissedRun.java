package vn.memberstat.job;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.scheduling.support.CronExpression;

/**
 * The run a scheduler missed while it was not running (the host down at 01:30): the date of the schedule's latest
 * time before now, when the job repository has no completed run for that date or later. One run catches up
 * several missed nights, since a run takes every file waiting in the inbox. A home with no run at all missed
 * nothing: its first run is the schedule's next time.
 */
public final class MissedRun {
    /** How far back the latest scheduled time is looked for: a minute first, up to a leap day four years back. */
    private static final List<Duration> LOOK_BACK = List.of(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(1),
            Duration.ofDays(8), Duration.ofDays(32), Duration.ofDays(367), Duration.ofDays(4 * 366 + 1));

    private MissedRun() {}

    public static Optional<LocalDate> date(CronExpression cron, ZonedDateTime now, RunHistory history) {
        if (!history.anyRun()) {
            return Optional.empty();
        }
        return previous(cron, now).map(ZonedDateTime::toLocalDate)
                .filter(date -> history.latestCompleted().map(date::isAfter).orElse(true));
    }

    /** The schedule's latest time at or before {@code now} (CronExpression only steps forward). */
    public static Optional<ZonedDateTime> previous(CronExpression cron, ZonedDateTime now) {
        for (Duration back : LOOK_BACK) {
            ZonedDateTime t = cron.next(now.minus(back));
            if (t != null && !t.isAfter(now)) {
                for (ZonedDateTime n = cron.next(t); n != null && !n.isAfter(now); n = cron.next(t)) {
                    t = n;
                }
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
