package vn.memberstat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;

/** Usage: a bare memberstat is a mistake, help is asked for; every command answers --help and -h on its own. */
final class HelpTest {
    @TempDir
    Path temp;

    @Test
    void aBareMemberstatPrintsUsageOnStandardErrorAndExitsTwo() {
        Memberstat.Result r = Memberstat.run();

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("usage: memberstat <command> [options]").contains("nightly", "status", "sql");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void helpPrintsUsageOnStandardOutputAndExitsZero() {
        for (String help : new String[] {"help", "--help", "-h"}) {
            Memberstat.Result r = Memberstat.run(help);

            assertThat(r.exitCode()).as(help).isZero();
            assertThat(r.out()).as(help).startsWith("usage: memberstat <command> [options]")
                    .contains("<command> --help: its options");
            assertThat(r.err()).as(help).isEmpty();
        }
    }

    @Test
    void everyCommandAnswersHelpWithItsOwnOptionsAndDoesNothingElse() {
        Path home = temp.resolve("home");
        Map<String, String[]> options = Map.of(
                "nightly", new String[] {"--inbox DIR", "(default $MEMBERSTAT_INBOX, else sample-input)", "--date YYYY-MM-DD",
                        "(default today)"},
                "status", new String[] {"--json", "--limit N", "(default 20)"},
                "sql", new String[] {"--format table|csv|json", "(default table)", ".tables, .schema [NAME], .help"},
                "rejects", new String[] {"--run ID", "--reason CODE", "--unit CODE", "--under CODE", "--all"},
                "export", new String[] {"--year YYYY", "--unit CODE", "--level N", "--restated", "--format LIST", "(default ./export)",
                        "--lang vi|en"},
                "runs", new String[] {"runs show DATE", "report.json"},
                "generate", new String[] {"--months YYYY-MM..YYYY-MM", "--out DIR", "--provinces N", "(default 63)",
                        "--seed S", "(default 1)"},
                "backfill", new String[] {"--from YYYY-MM-DD --to YYYY-MM-DD", "--inbox DIR", "--allow-earlier"},
                "reprocess", new String[] {"--submission ID", "dim_submission.submission_id"},
                "rebuild", new String[] {"recreate the warehouse from <home>/lake/ alone"});
        options.forEach((command, expected) -> {
            for (String help : new String[] {"--help", "-h"}) {
                Memberstat.Result r = Memberstat.run(command, help, "--home", home.toString());

                assertThat(r.exitCode()).as(command + " " + help).isZero();
                assertThat(r.out()).as(command + " " + help).startsWith("usage: memberstat " + command).contains(expected);
                if (!command.equals("generate")) {
                    assertThat(r.out()).as(command).contains("--home DIR               the state directory (default $MEMBERSTAT_HOME, else ./data)");
                }
                assertThat(r.err()).as(command + " " + help).isEmpty();
            }
        });
        assertThat(home).as("no home was created").doesNotExist();
    }
}
