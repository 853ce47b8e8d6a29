package vn.memberstat.job;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.count;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.support.Memberstat;
import vn.memberstat.support.MemberstatProcess;

/**
 * Nightly runs on one home, each in its own JVM: of two started at once exactly one proceeds, and a
 * run started while another holds the home exits at once naming the holder.
 */
final class ConcurrentRunTest {
    private static final String DATE = "2026-06-30";
    @TempDir
    Path temp;

    @Test
    void exactlyOneOfTwoRunsStartedAtOnceProceeds() throws Exception {
        Path inbox = Memberstat.copySample(temp.resolve("inbox"));
        Path home = temp.resolve("home");
        Path logs = temp.resolve("logs");

        MemberstatProcess first = MemberstatProcess.nightly(logs, "first", home, inbox, DATE);
        MemberstatProcess second = MemberstatProcess.nightly(logs, "second", home, inbox, DATE);
        long holder = awaitHolder(home, first.pid(), second.pid());
        MemberstatProcess late = MemberstatProcess.nightly(logs, "late", home, inbox, DATE);
        List<MemberstatProcess.Finished> atOnce = List.of(first.await(), second.await());
        MemberstatProcess.Finished lateRun = late.await();

        assertThat(atOnce).extracting(MemberstatProcess.Finished::exitCode).as(atOnce.toString())
                .containsExactlyInAnyOrder(0, ErrorCode.RUN_LOCKED.exitCode());
        MemberstatProcess.Finished winner = atOnce.stream().filter(r -> r.exitCode() == 0).findFirst().orElseThrow();
        MemberstatProcess.Finished loser = atOnce.stream().filter(r -> r.exitCode() != 0).findFirst().orElseThrow();
        assertThat(winner.pid()).isEqualTo(holder);
        assertThat(winner.out()).contains("COMPLETED").contains("read 364 = loaded 349 + quarantined 14 + duplicate 1");
        assertThat(loser.err()).startsWith("memberstat: another nightly run is using " + home).contains("this run did nothing");
        assertThat(loser.out()).isEmpty();
        assertThat(loser.endedAt()).as("the loser does not wait for the lock").isBefore(winner.endedAt());

        assertThat(lateRun.exitCode()).as(lateRun.err()).isEqualTo(ErrorCode.RUN_LOCKED.exitCode());
        assertThat(lateRun.err()).startsWith("memberstat: another nightly run is using " + home + " (pid " + winner.pid() + " on ")
                .contains("this run did nothing");
        assertThat(lateRun.endedAt()).isBefore(winner.endedAt());

        assertThat(count(home, "select * from etl_run")).isEqualTo(1);
        assertThat(count(home, "select * from fct_reported_value")).isEqualTo(310);
    }

    /** Waits until the lock file names one of the pids as its holder, and returns that pid. */
    private static long awaitHolder(Path home, long... pids) throws IOException, InterruptedException {
        Path lock = home.resolve(RunLock.FILE);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            String text = Files.exists(lock) ? Files.readString(lock, StandardCharsets.UTF_8) : "";
            for (long pid : pids) {
                if (text.startsWith("pid " + pid + " ")) {
                    return pid;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no run took the lock " + lock + " within a minute");
    }
}
