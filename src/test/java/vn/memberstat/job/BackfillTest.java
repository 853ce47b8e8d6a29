package vn.memberstat.job;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.query;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;

/** A range of dates run in order: completed dates skipped, a failed one resumed, earlier dates refused unless allowed. */
final class BackfillTest {
    @TempDir
    Path temp;

    @Test
    void aFailureInTheMiddleStopsTheRangeAndTheSameCommandResumesIt() {
        Path inbox = smallInbox();
        Path home = temp.resolve("home");
        assertThat(Memberstat.nightly(home, inbox, "2026-06-01").exitCode()).isZero();
        Memberstat.write(inbox, "2026/june.csv", Memberstat.LONG_HEADER + "A,2026-05,admitted,total,7,\n");

        Memberstat.Result failed = backfill(home, inbox, "2026-06-01", "2026-06-03", "--memberstat.fail-at=load");
        assertThat(failed.exitCode()).as("as nightly's exit code for a failed run").isEqualTo(1);
        assertThat(failed.out()).contains("2026-06-01  skipped    completed at ").containsPattern("2026-06-02  FAILED ")
                .doesNotContain("2026-06-03");
        assertThat(failed.err()).contains("backfill stopped at 2026-06-02: failure injected at stage load")
                .contains("run the same backfill again to resume from 2026-06-02");

        Memberstat.Result resumed = backfill(home, inbox, "2026-06-01", "2026-06-03");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out().lines().toList()).hasSize(4);
        assertThat(resumed.out()).contains("2026-06-01  skipped")
                .containsPattern("2026-06-02  COMPLETED  [0-9.]+ s \\(resumed\\)  read 1 = loaded 1 \\+ quarantined 0 \\+ duplicate 0")
                .containsPattern("2026-06-03  COMPLETED  [0-9.]+ s  read 0 = loaded 0")
                .contains("every date completed");
        assertThat(query(home, "select run_id, files_pulled from etl_run order by run_id"))
                .extracting(r -> r.get("run_id") + ":" + r.get("files_pulled"))
                .containsExactly("2026-06-01:2", "2026-06-02:1", "2026-06-03:0");
        assertThat(query(home, "select value from fct_value where unit_code = 'A' and period = '2026-05'"))
                .extracting(r -> r.get("value")).containsExactly(7.0);
    }

    @Test
    void aDateEarlierThanTheLatestCompletedRunIsRefusedUnlessAllowed() {
        Path inbox = smallInbox();
        Path home = temp.resolve("home");
        assertThat(Memberstat.nightly(home, inbox, "2026-06-30").exitCode()).isZero();

        Memberstat.Result refused = Memberstat.nightly(home, inbox, "2026-06-29");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("--date 2026-06-29 is earlier than the latest completed run, 2026-06-30")
                .contains("files that arrived after 2026-06-30 under a date before it").contains("--allow-earlier");
        assertThat(backfill(home, inbox, "2026-06-28", "2026-07-01").exitCode()).isEqualTo(2);
        assertThat(query(home, "select run_id from etl_run")).as("nothing ran").hasSize(1);

        assertThat(Memberstat.nightly(home, inbox, "2026-06-30").out()).as("a completed date is not refused: it does nothing")
                .contains("already completed");
        Memberstat.Result allowed = Memberstat.nightly(home, inbox, "2026-06-29", "--allow-earlier");
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        assertThat(query(home, "select run_id from etl_run order by run_id")).extracting(r -> r.get("run_id"))
                .containsExactly("2026-06-29", "2026-06-30");
    }

    @Test
    void aRangeMustBeWholeAndInOrder() {
        Path home = temp.resolve("home");
        Memberstat.Result reversed = Memberstat.run("backfill", "--home", home.toString(), "--from", "2026-06-03", "--to", "2026-06-01");
        assertThat(reversed.exitCode()).isEqualTo(2);
        assertThat(reversed.err()).contains("--from 2026-06-03 is after --to 2026-06-01");
        Memberstat.Result open = Memberstat.run("backfill", "--home", home.toString(), "--from", "2026-06-03");
        assertThat(open.exitCode()).isEqualTo(2);
        assertThat(open.err()).contains("backfill needs --to YYYY-MM-DD");
        assertThat(Memberstat.run("backfill", "--home", home.toString(), "--from", "2026-6-3", "--to", "2026-06-04").err())
                .contains("--from '2026-6-3' is not a date (YYYY-MM-DD)");
        assertThat(home).as("nothing started").doesNotExist();
    }

    private Path smallInbox() {
        Path inbox = temp.resolve("inbox");
        Memberstat.write(inbox, "registry/units.csv", Memberstat.REGISTRY_HEADER + """
                P,Tỉnh ủy P,,1,province,1990-01-01,,
                A,Đảng bộ xã A,P,3,commune,2000-01-01,,
                """);
        Memberstat.write(inbox, "2026/april.csv", Memberstat.LONG_HEADER + "A,2026-04,admitted,total,3,\n");
        return inbox;
    }

    private static Memberstat.Result backfill(Path home, Path inbox, String from, String to, String... more) {
        List<String> args = new ArrayList<>(List.of("backfill", "--home", home.toString(), "--inbox", inbox.toString(),
                "--from", from, "--to", to, "--memberstat.settle-seconds=0"));
        args.addAll(Arrays.asList(more));
        return Memberstat.run(args.toArray(String[]::new));
    }
}
