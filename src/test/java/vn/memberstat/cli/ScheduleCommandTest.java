package vn.memberstat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;
import vn.memberstat.support.MemberstatProcess;

/**
 * {@code schedule} in a process of its own, on a schedule of every second and a real inbox: a run at the scheduled
 * time, the catch-up of a date missed while it was not running, and a clean stop on SIGTERM and SIGINT.
 */
final class ScheduleCommandTest {
    private static final String EVERY_SECOND = "* * * * * *";
    private static final Pattern COMPLETED = Pattern.compile("memberstat nightly (\\d{4}-\\d\\d-\\d\\d): COMPLETED in ");

    @TempDir
    Path temp;

    private final java.util.List<MemberstatProcess> started = new java.util.ArrayList<>();

    @Test
    void aFreshHomeRunsAtTheScheduledTimeAndStopsCleanlyOnSigterm() {
        Path inbox = Memberstat.copySample(temp.resolve("inbox"));
        Path home = temp.resolve("home");
        MemberstatProcess schedule = start(home, inbox);

        String out = schedule.awaitOutput("memberstat schedule: next run ", 1);
        assertThat(out).startsWith("memberstat schedule: nightly at \"" + EVERY_SECOND + "\"")
                .as("a home that never ran missed nothing").doesNotContain("catching up")
                .contains("read 364 = loaded 349 + quarantined 14 + duplicate 1");
        String date = completedDate(out);

        schedule.signal("TERM");
        MemberstatProcess.Finished stopped = schedule.await();
        assertThat(stopped.exitCode()).as(stopped.err()).isZero();
        assertThat(stopped.out()).endsWith("memberstat schedule: stopped\n");
        assertThat(stopped.err()).isEmpty();
        assertThat(Memberstat.run("status", "--home", home.toString()).out()).containsPattern(date + " +COMPLETED +364 +349 ");
    }

    @Test
    void aDateMissedWhileItWasNotRunningIsCaughtUpAtStartAndItStopsCleanlyOnSigint() {
        Path inbox = Memberstat.copySample(temp.resolve("inbox"));
        Path home = temp.resolve("home");
        assertThat(Memberstat.nightly(home, inbox, "2026-01-05").exitCode()).isZero();
        Memberstat.write(inbox, "2026/late.csv", Memberstat.LONG_HEADER + "HN.P-TX,2025-12,admitted,,9,\n");
        MemberstatProcess schedule = start(home, inbox);

        // the catch-up, then at least one run at a scheduled second: each is followed by "next run"
        String out = schedule.awaitOutput("memberstat schedule: next run ", 2);
        assertThat(out).startsWith("memberstat schedule: nightly at").contains("memberstat schedule: catching up ")
                .contains("(latest completed run: 2026-01-05)")
                .contains("read 1 = loaded 1 + quarantined 0 + duplicate 0");
        String date = completedDate(out);
        assertThat(out).contains("catching up " + date + ", whose scheduled run was missed");
        assertThat(date).isGreaterThan("2026-01-05");

        schedule.signal("INT");
        MemberstatProcess.Finished stopped = schedule.await();
        assertThat(stopped.exitCode()).as(stopped.err()).isZero();
        assertThat(stopped.out()).endsWith("memberstat schedule: stopped\n");
        assertThat(Memberstat.run("status", "--home", home.toString()).out())
                .containsPattern(date + " +COMPLETED +1 +1 ").containsPattern("2026-01-05 +COMPLETED +364 ");
    }

    @Test
    void aScheduleThatIsNotACronExpressionIsRefused() {
        Memberstat.Result r = Memberstat.run("schedule", "--cron", "30 1 * * *", "--home", temp.resolve("home").toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("memberstat: --cron '30 1 * * *' is not a schedule: ")
                .contains("(six fields, seconds first: \"0 30 1 * * *\" is 01:30 every day)");
        assertThat(temp.resolve("home")).doesNotExist();
        Memberstat.Result never = Memberstat.run("schedule", "--cron", "0 0 0 30 2 *", "--home", temp.resolve("home").toString());
        assertThat(never.exitCode()).isEqualTo(2);
        assertThat(never.err()).startsWith("memberstat: --cron '0 0 0 30 2 *' names no time that comes (such as 30 February)");
    }

    @Test
    void scheduleAnswersHelpWithItsOptions() {
        Memberstat.Result r = Memberstat.run("schedule", "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("usage: memberstat schedule [options]").contains("--cron \"S M H D M W\"")
                .contains("(default \"0 30 1 * * *\": 01:30 every day)").contains("stop with Ctrl-C or SIGTERM (exit 0)");
        assertThat(Memberstat.run("help").out()).contains("schedule [--cron \"0 30 1 * * *\"]");
    }

    /** A schedule stays up: one that a failed assertion left running is killed after its test. */
    @AfterEach
    void stopWhatStillRuns() {
        started.forEach(MemberstatProcess::killIfRunning);
    }

    private MemberstatProcess start(Path home, Path inbox) {
        MemberstatProcess schedule = MemberstatProcess.start(temp.resolve("logs"), "schedule", "schedule", "--cron", EVERY_SECOND,
                "--home", home.toString(), "--inbox", inbox.toString(), "--memberstat.settle-seconds=0");
        started.add(schedule);
        return schedule;
    }

    private static String completedDate(String out) {
        Matcher m = COMPLETED.matcher(out);
        assertThat(m.find()).as("a completed run in:\n" + out).isTrue();
        return m.group(1);
    }
}
