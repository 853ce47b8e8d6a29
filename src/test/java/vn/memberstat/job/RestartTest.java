package vn.memberstat.job;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.count;
import static vn.memberstat.support.Memberstat.query;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.memberstat.support.Memberstat;

/** A run that fails in a step restarts from that step when run again with the same date, and loads nothing twice. */
final class RestartTest {
    private static final String DATE = "2026-06-30";

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"load", "derive", "publish"})
    void aFailedRunRestartsFromTheFailedStepWithoutDuplicates(String stage) {
        Path inbox = Memberstat.copySample(temp.resolve("inbox"));
        Path home = temp.resolve("home");

        Memberstat.Result failed = Memberstat.nightly(home, inbox, DATE, "--memberstat.fail-at=" + stage);
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.out()).contains("FAILED");
        assertThat(failed.err()).contains("failure injected at stage " + stage).contains("--date " + DATE);
        if (!stage.equals("publish")) {
            assertThat(home.resolve("warehouse.duckdb")).as("nothing is published before the run completes").doesNotExist();
        }
        // status runs in another process than the run: the error comes from the job repository
        Memberstat.Result failedStatus = Memberstat.run("status", "--home", home.toString());
        assertThat(failedStatus.out()).contains(stage + " ").contains(" FAILED (failure injected at stage " + stage
                + " (memberstat.fail-at))");

        Memberstat.Result restarted = Memberstat.nightly(home, inbox, DATE);
        assertThat(restarted.exitCode()).as(restarted.err()).isZero();
        assertThat(restarted.out()).contains("COMPLETED").contains("(restarted)")
                .contains("read 364 = loaded 349 + quarantined 14 + duplicate 1");
        assertThat(count(home, "select * from fct_reported_value")).isEqualTo(310);
        assertThat(count(home, "select distinct submission_id, line_number, indicator_code, category_code from fct_reported_value"))
                .isEqualTo(310);
        assertThat(count(home, "select * from fct_value")).isEqualTo(303);
        assertThat(count(home, "select * from quarantine")).isEqualTo(14);
        assertThat(count(home, "select * from dim_submission")).isEqualTo(56);
        assertThat(count(home, "select * from dq_finding")).isEqualTo(5);
        assertThat(count(home, "select * from fct_flow_ytd"))
                .isEqualTo(count(uninterrupted(inbox), "select * from fct_flow_ytd"));

        Memberstat.Result status = Memberstat.run("status", "--home", home.toString(), "--json");
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).contains("\"run_date\" : \"" + DATE + "\"").contains("\"outcome\" : \"COMPLETED\",\n  \"died\" : false,")
                .contains("\"attempts\" : 2").contains("\"rows_read\" : 364")
                .as("no error now; the first attempt's stays in its history").contains("\"exit_code\" : 0,\n  \"error\" : null,");
        assertThat(Memberstat.run("status", "--home", home.toString()).out()).as("the restart's steps, from the failed one on")
                .containsPattern("COMPLETED .* " + stage + " \\d+\\.\\d\\d")
                .containsPattern("publish \\d+\\.\\d\\d  \\(attempt 2: the steps it ran\\)\\n")
                .doesNotContain("pull ");
    }

    @Test
    void restartSkipsTheStepsThatCompleted() throws Exception {
        Path inbox = Memberstat.copySample(temp.resolve("inbox"));
        Path home = temp.resolve("home");
        assertThat(Memberstat.nightly(home, inbox, DATE, "--memberstat.fail-at=load").exitCode()).isEqualTo(1);
        // a file added after the failure is not taken by the restart: the pull step completed, its manifest stands
        Memberstat.write(inbox, "2026/late.csv", "unit_code,period,indicator,category,value,comment\nHN.P-TX,2026-05,admitted,,9,\n");
        assertThat(Memberstat.nightly(home, inbox, DATE).exitCode()).isZero();
        assertThat(count(home, "select * from dim_submission")).isEqualTo(56);

        Memberstat.Result next = Memberstat.nightly(home, inbox, "2026-07-01");
        assertThat(next.exitCode()).isZero();
        assertThat(next.out()).contains("read 1 = loaded 1 + quarantined 0 + duplicate 0");
        List<Map<String, Object>> runs = query(home, "select run_id, files_pulled from etl_run order by run_id");
        assertThat(runs).extracting(r -> r.get("run_id") + ":" + r.get("files_pulled")).containsExactly("2026-06-30:56", "2026-07-01:1");
        try (var lake = Files.walk(home.resolve("lake"))) {
            assertThat(lake.map(Path::toString)).noneMatch(p -> p.endsWith(".tmp"));
        }
    }

    private Path uninterrupted(Path inbox) {
        Path home = temp.resolve("uninterrupted");
        assertThat(Memberstat.nightly(home, inbox, DATE).exitCode()).isZero();
        return home;
    }
}
