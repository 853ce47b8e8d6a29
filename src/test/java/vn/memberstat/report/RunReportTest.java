package vn.memberstat.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;

/** The run report of a night on sample-input, read back; runs show and status --json print it; --quiet; exit codes. */
final class RunReportTest {
    private static final String DATE = "2026-06-30";
    @TempDir
    static Path temp;
    private static Path inbox;
    private static Path home;
    private static Memberstat.Result night;

    @BeforeAll
    static void runOnSample() {
        inbox = Memberstat.copySample(temp.resolve("inbox"));
        home = temp.resolve("home");
        night = Memberstat.nightly(home, inbox, DATE);
    }

    @Test
    void theReportHoldsTheRunsFiguresStepByStep() throws Exception {
        assertThat(night.exitCode()).as(night.err()).isZero();
        RunReport r = new RunReports(home).read(DATE).orElseThrow();
        assertThat(r.outcome).isEqualTo("COMPLETED");
        assertThat(r.exitCode).isZero();
        assertThat(r.attempts).isEqualTo(1);
        assertThat(r.attemptHistory).singleElement().satisfies(a -> {
            assertThat(a.exitCode).isZero();
            assertThat(a.stepsRun).containsExactly("pull", "normalise", "lake", "load", "derive", "check", "publish");
        });
        // the figures the summary prints (sample-expected.md): 364 rows read = 349 + 14 + 1
        assertThat(r.rowsRead).isEqualTo(364L);
        assertThat(r.rowsRead).isEqualTo(r.rowsLoaded + r.rowsQuarantined + r.rowsDuplicate);
        assertThat(r.filesPulled).isEqualTo(56L);
        assertThat(r.steps.get("pull").done).as("files pulled").isEqualTo(56L);
        assertThat(r.steps.get("normalise").done).as("rows read").isEqualTo(364L);
        assertThat(r.steps.values()).allSatisfy(s -> {
            assertThat(s.status).isEqualTo("COMPLETED");
            assertThat(s.seconds).isNotNull().isGreaterThanOrEqualTo(0.0);
        });
        // the breakdowns add up to the totals
        assertThat(r.quarantinedRowsByReason.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(r.rowsQuarantined);
        assertThat(r.quarantinedRowsByReason).containsEntry("BAD_REGISTRY_ROW", 2L).containsEntry("PERIOD_NOT_ALLOWED", 2L);
        assertThat(r.findingsByRule.values().stream().mapToLong(f -> f.count).sum()).isEqualTo(r.findings);
        assertThat(r.findingsByRule.values().stream().filter(f -> f.severity.equals("error")).mapToLong(f -> f.count).sum())
                .isEqualTo(r.findingsError).isEqualTo(4L);
        assertThat(r.refusedFilesByReason.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(r.filesRefused);
        // the file is plain JSON with snake_case names, for any monitoring tool
        JsonNode json = new ObjectMapper().readTree(home.resolve("runs").resolve(DATE).resolve("report.json").toFile());
        assertThat(json.get("rows_read").asLong()).isEqualTo(364);
        assertThat(json.get("exit_code").asInt()).isZero();
        assertThat(json.get("steps").get("load").get("seconds").isNumber()).isTrue();
    }

    @Test
    void runsShowPrintsTheReportAndRefusesAnUnknownDate() {
        Memberstat.Result shown = Memberstat.run("runs", "show", DATE, "--home", home.toString());
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        RunReport r = RunReports.parse(shown.out());
        assertThat(r.runDate).isEqualTo(DATE);
        assertThat(r.rowsLoaded).isEqualTo(349L);
        assertThat(r.died).isFalse();

        Memberstat.Result unknown = Memberstat.run("runs", "show", "2026-07-01", "--home", home.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("memberstat: no run of 2026-07-01 in " + home + " (the latest: " + DATE + ")");
        assertThat(Memberstat.run("runs", "show", "yesterday", "--home", home.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void statusJsonListsTheReportsAndTheTableTheirFigures() throws Exception {
        Memberstat.Result json = Memberstat.run("status", "--json", "--home", home.toString());
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode runs = new ObjectMapper().readTree(json.out());
        assertThat(runs.size()).isEqualTo(1);
        assertThat(runs.get(0).get("run_date").asText()).isEqualTo(DATE);
        assertThat(runs.get(0).get("outcome").asText()).isEqualTo("COMPLETED");
        assertThat(runs.get(0).get("rows_quarantined").asLong()).isEqualTo(14);
        assertThat(runs.get(0).get("findings_by_rule").size()).isPositive();

        Memberstat.Result table = Memberstat.run("status", "--home", home.toString());
        assertThat(table.out()).containsPattern("(?m)^" + DATE + " +COMPLETED +364 +349 +14 +1 ");
    }

    @Test
    void progressLinesWithoutATerminalAndNoneWhenQuiet() {
        assertThat(night.out()).contains("memberstat: pull started").contains("memberstat: normalise started, 56 files to do")
                .containsPattern("memberstat: publish done in \\d+\\.\\d s");
        Memberstat.Result quiet = Memberstat.nightly(temp.resolve("quiet-home"), inbox, DATE, "--quiet");
        assertThat(quiet.exitCode()).as(quiet.err()).isZero();
        assertThat(quiet.out()).startsWith("memberstat nightly " + DATE + ": COMPLETED").doesNotContain("started");
    }

    @Test
    void failOnFindingsErrorExitsEightAfterPublishing() {
        Path h = temp.resolve("strict-home");
        Memberstat.Result strict = Memberstat.nightly(h, inbox, DATE, "--fail-on-findings", "error", "--quiet");
        assertThat(strict.exitCode()).isEqualTo(8);
        assertThat(strict.err()).isEqualTo("memberstat: nightly " + DATE
                + " completed with 4 error findings (--fail-on-findings error)\n");
        assertThat(h.resolve("warehouse.duckdb")).as("the run completed and published").exists();
        RunReport r = new RunReports(h).read(DATE).orElseThrow();
        assertThat(r.outcome).isEqualTo("COMPLETED");
        assertThat(r.exitCode).isEqualTo(8);
        Memberstat.Result bad = Memberstat.nightly(temp.resolve("x"), inbox, DATE, "--fail-on-findings", "some");
        assertThat(bad.exitCode()).isEqualTo(2);
    }

    @Test
    void onFailureRunsTheCommandWithTheReportsPath() throws Exception {
        Path h = temp.resolve("failing-home");
        Path got = temp.resolve("alert");
        Path script = temp.resolve("alert.sh");
        Files.writeString(script, "#!/bin/sh\nprintf '%s' \"$1\" > '" + got + ".path'\ncp \"$1\" '" + got + ".json'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Memberstat.Result failed = Memberstat.nightly(h, inbox, DATE, "--memberstat.fail-at=load", "--quiet",
                "--on-failure", script.toString());
        assertThat(failed.exitCode()).isEqualTo(1);
        Path report = h.resolve("runs").resolve(DATE).resolve("report.json");
        assertThat(Files.readString(temp.resolve("alert.path"))).isEqualTo(report.toString());
        RunReport alerted = RunReports.parse(Files.readString(temp.resolve("alert.json")));
        assertThat(alerted.outcome).isEqualTo("FAILED");
        assertThat(alerted.exitCode).isEqualTo(1);
        assertThat(alerted.steps.get("load").status).isEqualTo("FAILED");
        assertThat(alerted.steps.get("load").error).contains("failure injected at stage load");
        assertThat(alerted.error).contains("failure injected at stage load");

        // the restart adds an attempt; its success runs no alert
        Files.delete(temp.resolve("alert.json"));
        Memberstat.Result restarted = Memberstat.nightly(h, inbox, DATE, "--quiet", "--on-failure", script.toString());
        assertThat(restarted.exitCode()).as(restarted.err()).isZero();
        assertThat(temp.resolve("alert.json")).doesNotExist();
        RunReport r = new RunReports(h).read(DATE).orElseThrow();
        assertThat(r.attempts).isEqualTo(2);
        assertThat(r.attemptHistory).extracting(a -> a.exitCode).containsExactly(1, 0);
        assertThat(r.attemptHistory.get(1).stepsRun).startsWith("load");
        assertThat(r.steps.get("pull").attempt).as("done by the first attempt").isEqualTo(1);
        assertThat(r.steps.get("load").attempt).isEqualTo(2);
        assertThat(r.rowsRead).isEqualTo(364L);
    }
}
