package vn.memberstat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;
import vn.memberstat.support.MemberstatProcess;

/** The operator commands around a completed run: status, sql, rejects, and their errors and exit codes. */
final class CommandsTest {
    @TempDir
    static Path temp;
    private static String home;

    @BeforeAll
    static void run() {
        Path inbox = Memberstat.copySample(temp.resolve("inbox"));
        home = temp.resolve("home").toString();
        assertThat(Memberstat.nightly(Path.of(home), inbox, "2026-06-30").exitCode()).isZero();
    }

    @Test
    void statusListsTheRunWithItsSumsAndStepTimes() {
        Memberstat.Result r = Memberstat.run("status", "--home", home);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("2026-06-30").contains("COMPLETED").contains("364").contains("349")
                .contains("pull ").contains("publish ");
    }

    @Test
    void sqlPrintsTableCsvAndJson() {
        String q = "select unit_code, year, admitted_count from v_admission_attainment where unit_code = 'HN.TX' and year = 2021";
        Memberstat.Result table = Memberstat.run("sql", "--home", home, q);
        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).contains("unit_code | year | admitted_count").contains("HN.TX     | 2021 | 213").contains("(1 row)");
        Memberstat.Result csv = Memberstat.run("sql", "--home", home, "--format", "csv", q);
        assertThat(csv.out()).isEqualToNormalizingNewlines("unit_code,year,admitted_count\nHN.TX,2021,213\n");
        Memberstat.Result json = Memberstat.run("sql", "--home", home, "--format", "json", q);
        assertThat(json.out()).contains("\"unit_code\" : \"HN.TX\"").contains("\"admitted_count\" : 213");
    }

    @Test
    void sqlPrintsEveryStatementOfAScriptNotOnlyTheLast() {
        Memberstat.Result given = Memberstat.run("sql", "--home", home, "--format", "csv", "select 1 as a; select 'x;y' as b");
        assertThat(given.exitCode()).isZero();
        assertThat(given.out()).isEqualToNormalizingNewlines("a\n1\nb\nx;y\n");

        Memberstat.Result piped = Memberstat.runWithInput("select 1 as a; select nope;\nselect 3\n as c; .quit\nselect 4 as d;\n",
                "sql", "--home", home, "--format", "csv");
        assertThat(piped.out()).as("every statement up to .quit, one failing among them").isEqualToNormalizingNewlines("a\n1\nc\n3\n");
        assertThat(piped.err()).contains("query failed: Binder Error").contains("nope");
        assertThat(piped.exitCode()).isEqualTo(4);
    }

    @Test
    void sqlStreamsLargeResultsAsCsvAndJsonAndShowsTheFirstRowsAsATable() throws Exception {
        String q = "select range as n, 'unit ' || range as label from range(25000)";
        Memberstat.Result table = Memberstat.run("sql", "--home", home, q);
        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).contains("9999 | unit 9999").doesNotContain("unit 10000")
                .endsWith("(25000 rows; the first 10000 shown: --format csv or json prints them all)\n");
        Memberstat.Result csv = Memberstat.run("sql", "--home", home, "--format", "csv", q);
        assertThat(csv.out().lines().toList()).hasSize(25_001).endsWith("24999,unit 24999");
        Memberstat.Result json = Memberstat.run("sql", "--home", home, "--format", "json", q);
        var rows = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
        assertThat(rows.size()).isEqualTo(25_000);
        assertThat(rows.get(24_999).get("n").asLong()).isEqualTo(24_999);
        assertThat(rows.get(24_999).get("label").asText()).isEqualTo("unit 24999");
    }

    @Test
    void thePromptListsTablesAndViewsAndTheirColumns() {
        Memberstat.Result r = Memberstat.runWithInput(".help\n.tables\n.schema v_term_progress\n", "sql", "--home", home, "--format", "csv");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains(".tables ", ".schema [NAME] ", ".help ", ".quit or Ctrl-D leaves")
                .contains("name,kind\r\n").contains("etl_run,table\r\n").contains("quarantine,view\r\n").contains("v_admission_attainment,view\r\n")
                .contains("table_name,column_name,data_type\r\nv_term_progress,unit_code,VARCHAR\r\nv_term_progress,term,");
        assertThat(r.out()).doesNotContain("quarantine,reason_code");

        Memberstat.Result all = Memberstat.runWithInput(".schema\n", "sql", "--home", home, "--format", "csv");
        assertThat(all.out()).contains("quarantine,reason_code,").contains("v_term_progress,unit_code,VARCHAR");

        Memberstat.Result noSuch = Memberstat.runWithInput(".schema v_nothing\n", "sql", "--home", home);
        assertThat(noSuch.exitCode()).isEqualTo(4);
        assertThat(noSuch.err()).isEqualTo("memberstat: no table or view v_nothing; .tables lists them\n");
    }

    @Test
    void anUnknownDotCommandIsNamedAndQuitStillLeaves() {
        Memberstat.Result r = Memberstat.runWithInput(".xyz\nselect 1 as one;\n.quit\nselect 'after quit' as late;\n", "sql", "--home", home,
                "--format", "csv");

        assertThat(r.err()).isEqualTo("memberstat: unknown command .xyz; .help lists them\n");
        assertThat(r.out()).as("the next statement runs, then .quit leaves the prompt").isEqualTo("one\r\n1\r\n");
        assertThat(r.exitCode()).isEqualTo(4);
    }

    @Test
    void sqlCannotChangeTheWarehouse() {
        Memberstat.Result r = Memberstat.run("sql", "--home", home, "delete from fct_reported_value");
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err()).contains("query failed").containsIgnoringCase("read-only");
        assertThat(Memberstat.count(Path.of(home), "select * from fct_value")).isEqualTo(303);
    }

    @Test
    void aBadQueryExitsNonZeroWithDuckDbsMessage() {
        Memberstat.Result r = Memberstat.run("sql", "--home", home, "select * from no_such_view");
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err()).contains("no_such_view");
    }

    @Test
    void rejectsPrintsCsvFilteredByReasonWithTheRawLine() {
        Memberstat.Result r = Memberstat.run("rejects", "--home", home, "--reason", "BAD_VALUE");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines().toList()).hasSize(3);
        assertThat(r.out()).startsWith("\uFEFFrun_id,file_path,line_number,reason_code").contains("12.5").contains("2024/VP.VT/2024-xa-tan-tien.csv");
        Memberstat.Result unit = Memberstat.run("rejects", "--home", home, "--unit", "HN.TX.TDH");
        assertThat(unit.out()).contains("UNKNOWN_UNIT").doesNotContain("BAD_VALUE");
        Memberstat.Result bad = Memberstat.run("rejects", "--home", home, "--reason", "NOPE");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("not a reason code");

        Memberstat.Result ofTheRun = Memberstat.run("rejects", "--home", home, "--run", "2026-06-30", "--reason", "BAD_VALUE");
        assertThat(ofTheRun.out()).isEqualTo(r.out());
        Memberstat.Result noSuchRun = Memberstat.run("rejects", "--home", home, "--run", "2026-06-03");
        assertThat(noSuchRun.exitCode()).as("a mistyped run, not a run without rejects").isEqualTo(2);
        assertThat(noSuchRun.err()).startsWith("memberstat: --run '2026-06-03' is no run of this warehouse (the latest: 2026-06-30)");
        assertThat(noSuchRun.out()).isEmpty();
    }

    @Test
    void usageErrorsAreClear() {
        assertThat(Memberstat.run("frobnicate").exitCode()).isEqualTo(2);
        Memberstat.Result badDate = Memberstat.run("nightly", "--home", home, "--date", "30/06/2026");
        assertThat(badDate.exitCode()).isEqualTo(2);
        assertThat(badDate.err()).contains("not a date");
        Memberstat.Result unknown = Memberstat.run("status", "--home", home, "--colour", "red");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown option --colour");
        Memberstat.Result noRuns = Memberstat.run("status", "--home", home, "--limit", "0");
        assertThat(noRuns.exitCode()).isEqualTo(2);
        assertThat(noRuns.err()).startsWith("memberstat: --limit must be 1 or more, not 0");
    }

    @Test
    void missingWarehouseOrInboxOrUnwritableHomeAreReportedNotCrashes() throws Exception {
        Memberstat.Result noWarehouse = Memberstat.run("sql", "--home", temp.resolve("empty").toString(), "select 1");
        assertThat(noWarehouse.exitCode()).isEqualTo(5);
        assertThat(noWarehouse.err()).contains("no published warehouse");

        Memberstat.Result noInbox = Memberstat.nightly(temp.resolve("h2"), temp.resolve("missing-inbox"), "2026-06-30");
        assertThat(noInbox.exitCode()).isEqualTo(66);
        assertThat(noInbox.err()).contains("missing-inbox").contains("not a directory");

        Path file = Files.writeString(temp.resolve("not-a-dir"), "x");
        Memberstat.Result badHome = Memberstat.nightly(file.resolve("home"), temp.resolve("inbox"), "2026-06-30");
        assertThat(badHome.exitCode()).isEqualTo(73);
        assertThat(badHome.err()).contains("cannot create home");
    }

    @Test
    void settingsThatCannotBeUsedAreRefusedByNameBeforeTheRun() {
        Path fresh = temp.resolve("settings-home");
        Path inbox = temp.resolve("inbox");
        Map<String, String> refusals = Map.of(
                "--memberstat.settle-seconds=5m", "setting memberstat.settle-seconds (MEMBERSTAT_SETTLE_SECONDS) is '5m', not a whole number",
                "--memberstat.zone=Hanoi", "setting memberstat.zone (MEMBERSTAT_ZONE) is 'Hanoi', not a time zone",
                "--memberstat.workers=-3", "memberstat.workers is -3; it must be 0 or more",
                "--memberstat.fail-at=lod", "memberstat.fail-at is 'lod', which is not a step (pull, normalise, lake, load,",
                "--memberstat.settle-secnds=300", "unknown setting --memberstat.settle-secnds (settings: max-file-bytes,",
                "--memberstat.home=/elsewhere", "--memberstat.home is not a setting: use --home DIR");
        refusals.forEach((setting, message) -> {
            Memberstat.Result r = Memberstat.nightly(fresh, inbox, "2026-06-30", setting);
            assertThat(r.exitCode()).as(setting).isEqualTo(2);
            assertThat(r.err()).as(setting).startsWith("memberstat: " + message);
        });
        assertThat(fresh.resolve("runs")).as("no run was started").doesNotExist();
    }

    @Test
    void anApplicationThatCannotStartSaysWhy() throws Exception {
        Path broken = temp.resolve("broken-home");
        Files.createDirectories(broken.resolve("jobrepo"));
        Files.writeString(broken.resolve("jobrepo").resolve("batch.mv.db"), "not an H2 database\n".repeat(1000));

        Memberstat.Result r = Memberstat.nightly(broken, temp.resolve("inbox"), "2026-06-30");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("memberstat: cannot start: ").contains("batch.mv.db")
                .doesNotContain("Error creating bean")
                .contains("(details: " + broken.resolve("logs").resolve("memberstat.log") + ")");
    }

    @Test
    void aFileInTheWayOfTheJobRepositoryOrTheLogIsNamedAndNothingElseIsPrinted() throws Exception {
        for (String dir : List.of("jobrepo", "logs")) {
            Path home = Files.createDirectories(temp.resolve("in-the-way-" + dir));
            Files.writeString(home.resolve(dir), "a file where a directory must go");

            MemberstatProcess.Finished r = MemberstatProcess.nightly(temp.resolve("process-logs"), dir, home, temp.resolve("inbox"),
                    "2026-06-30").await();

            assertThat(r.exitCode()).as(r.err()).isEqualTo(73);
            assertThat(r.err()).as("one line of ours, no library's stack trace")
                    .isEqualTo("memberstat: cannot create " + home.resolve(dir) + ": a file of that name is in the way\n");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void aSettingGivenTwiceCountsAsGivenLast() {
        Memberstat.Result r = Memberstat.nightly(temp.resolve("twice-home"), temp.resolve("inbox"), "2026-06-30",
                "--memberstat.settle-seconds=0", "--memberstat.settle-seconds=2000000000");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).as("every file is too fresh for the second value").contains("pulled 0,")
                .contains("for the next run: modified ").contains("less than 2000000000 s ago");
    }

    @Test
    void misspeltEnvironmentSettingsAreNamed() {
        assertThat(Cli.unknownEnvironmentSettings(Map.of("MEMBERSTAT_SETLE_SECONDS", "3", "MEMBERSTAT_ZONE", "UTC",
                "MEMBERSTAT_HOME", "/h", "MEMBERSTAT_INBOX", "/i", "MEMBERSTAT_JAVA_OPTS", "-Xmx1g", "MEMBERSTATS", "x", "PATH", "/bin")))
                .containsExactly("MEMBERSTAT_SETLE_SECONDS");
    }

    @Test
    void environmentSettingsUseThePlainUpperCaseNames() {
        assertThat(Cli.environmentSettings(Map.of("MEMBERSTAT_SETTLE_SECONDS", "300", "MEMBERSTAT_MAX_FILE_BYTES", "10",
                "MEMBERSTAT_HOME", "/x", "OTHER", "y")))
                .isEqualTo(Map.of("memberstat.settle-seconds", "300", "memberstat.max-file-bytes", "10"));
    }
}
