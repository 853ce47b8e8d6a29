package vn.memberstat.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronExpression;

/** The date a scheduler catches up at start: the schedule's latest time before now, unless a run completed it. */
final class MissedRunTest {
    private static final CronExpression NIGHTLY = CronExpression.parse("0 30 1 * * *");
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void theHostDownAtTheScheduledTimeCatchesUpThatDate() {
        assertThat(MissedRun.date(NIGHTLY, at("2026-12-07T09:00"), completed("2026-12-06"))).contains(LocalDate.parse("2026-12-07"));
    }

    @Test
    void beforeTodaysTimeNothingIsMissedWhenYesterdayRan() {
        assertThat(MissedRun.date(NIGHTLY, at("2026-12-07T01:29:59"), completed("2026-12-06"))).isEmpty();
        assertThat(MissedRun.date(NIGHTLY, at("2026-12-07T01:30"), completed("2026-12-06"))).as("the time itself counts")
                .contains(LocalDate.parse("2026-12-07"));
    }

    @Test
    void severalMissedNightsAreCaughtUpByOneRunOfTheLatest() {
        assertThat(MissedRun.date(NIGHTLY, at("2026-12-07T01:00"), completed("2026-12-02"))).contains(LocalDate.parse("2026-12-06"));
    }

    @Test
    void aLaterDateRunByHandLeavesNothingToCatchUp() {
        assertThat(MissedRun.date(NIGHTLY, at("2026-12-07T09:00"), completed("2026-12-08"))).isEmpty();
    }

    @Test
    void aHomeThatNeverRanMissedNothingAndOneWhoseRunsFailedRunsAgain() {
        assertThat(MissedRun.date(NIGHTLY, at("2026-12-07T09:00"), RunHistory.NONE)).isEmpty();
        assertThat(MissedRun.date(NIGHTLY, at("2026-12-07T09:00"), new RunHistory(true, Optional.empty())))
                .contains(LocalDate.parse("2026-12-07"));
    }

    @Test
    void theLatestTimeIsFoundFarBack() {
        CronExpression leapDay = CronExpression.parse("0 0 2 29 2 *");
        assertThat(MissedRun.previous(leapDay, at("2027-03-01T00:00"))).contains(at("2024-02-29T02:00"));
        CronExpression everySecond = CronExpression.parse("* * * * * *");
        assertThat(MissedRun.previous(everySecond, at("2026-12-07T09:00:00.500"))).contains(at("2026-12-07T09:00"));
        assertThat(MissedRun.previous(CronExpression.parse("0 0 0 1 1 *"), at("2026-12-07T09:00"))).contains(at("2026-01-01T00:00"));
    }

    private static ZonedDateTime at(String local) {
        return java.time.LocalDateTime.parse(local).atZone(HANOI);
    }

    private static RunHistory completed(String date) {
        return new RunHistory(true, Optional.of(LocalDate.parse(date)));
    }
}
