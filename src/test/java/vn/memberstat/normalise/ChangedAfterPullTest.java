package vn.memberstat.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.count;
import static vn.memberstat.support.Memberstat.query;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;

/**
 * A restart reads the files its pull listed; one changed or gone since is left for a later run with a note, a
 * registry file as much as a data file, and every file of the list is accounted for. Without the registry every
 * value waits in quarantine; once it comes, the warehouse holds what one run over the same files gives.
 */
final class ChangedAfterPullTest {
    private static final String DATE = "2026-06-30";
    private static final Pattern ROWS = Pattern.compile("read (\\d+) = loaded (\\d+) \\+ quarantined (\\d+) \\+ duplicate (\\d+)");

    @TempDir
    Path temp;

    @Test
    void filesChangedOrGoneAfterThePullWaitForALaterRunAndNothingIsLost() throws Exception {
        Path inbox = Memberstat.copySample(temp.resolve("inbox"));
        Path home = temp.resolve("home");
        assertThat(Memberstat.nightly(home, inbox, DATE, "--memberstat.fail-at=normalise").exitCode()).isEqualTo(1);
        // after the pull, before the restart: a blank line added to the registry and to a data file, one file deleted
        Files.writeString(inbox.resolve("registry/units.csv"), "\n", StandardOpenOption.APPEND);
        Files.writeString(inbox.resolve("2023/HN.CG/2023-nam.csv"), "\n", StandardOpenOption.APPEND);
        Files.delete(inbox.resolve("2024/HN.CG/2024-04.csv"));

        Memberstat.Result restarted = Memberstat.nightly(home, inbox, DATE);

        assertThat(restarted.exitCode()).as(restarted.err()).isZero();
        assertThat(restarted.out()).contains("(restarted)")
                .contains("note     left registry/units.csv for a later run: it changed after it was pulled")
                .contains("note     left 2023/HN.CG/2023-nam.csv for a later run: it changed after it was pulled")
                .contains("note     left 2024/HN.CG/2024-04.csv for a later run: it vanished after it was pulled");
        assertConserved(restarted.out());
        assertThat(count(home, "select * from dim_submission")).as("56 files pulled, 3 left").isEqualTo(53);
        assertThat(count(home, "select * from dim_submission where file_path in "
                + "('registry/units.csv', '2023/HN.CG/2023-nam.csv', '2024/HN.CG/2024-04.csv')")).isZero();
        assertThat(count(home, "select * from quarantine where reason_code = 'UNKNOWN_UNIT'"))
                .as("without the registry no unit is known yet").isPositive();

        Memberstat.Result next = Memberstat.nightly(home, inbox, "2026-07-01");

        assertThat(next.exitCode()).as(next.err()).isZero();
        assertThat(next.out()).contains("pulled 2,");
        assertConserved(next.out());
        assertThat(count(home, "select * from dim_submission")).isEqualTo(55);
        // the same files taken by one run on a new home give the same figures and leave the same rows in quarantine
        Path reference = temp.resolve("reference");
        assertThat(Memberstat.nightly(reference, inbox, "2026-07-01").exitCode()).isZero();
        String values = "select unit_code, period, indicator_code, category_code, value from fct_value order by all";
        assertThat(query(home, values)).as("the values waiting for the registry load").isNotEmpty()
                .isEqualTo(query(reference, values));
        String quarantined = "select file_path, line_number, reason_code from quarantine where not is_resolved order by all";
        assertThat(query(home, quarantined)).isEqualTo(query(reference, quarantined));
        // what the retried rows must pass like any others: a line repeated in its file loads once, the repeat is a
        // duplicate; a key given twice with two values loads neither; a unit known but ended is no longer "unknown"
        assertThat(count(home, "select * from fct_reported_value where unit_code = 'VP.VT' and period = '2024' "
                + "and indicator_code = 'made_official'")).isEqualTo(1);
        assertThat(count(home, "select * from quarantine where file_path = '2024/HN.CG/CGS/2024-06.csv' "
                + "and reason_code = 'CONFLICTING_DUPLICATE' and not is_resolved")).isEqualTo(2);
        assertThat(count(home, "select * from quarantine where file_path = '2025/HN.P-TX/2025-12-bao-cao.csv' "
                + "and reason_code = 'UNIT_NOT_ACTIVE' and not is_resolved")).isEqualTo(1);
        assertThat(next.out()).containsPattern("retried  \\d+ rows quarantined by earlier runs now load");
        // each retried row says which run took it and how: the repeated line as a duplicate, the others loaded
        assertThat(query(home, "select distinct resolution, resolved_run_id from quarantine where is_resolved "
                + "and reason_code = 'UNKNOWN_UNIT' order by all"))
                .containsExactly(Map.of("resolution", "duplicate", "resolved_run_id", "2026-07-01"),
                        Map.of("resolution", "loaded", "resolved_run_id", "2026-07-01"));
        assertThat(count(home, "select * from quarantine where is_resolved and (resolution not in ('loaded', 'duplicate') "
                + "or resolved_run_id <> '2026-07-01')")).isZero();
        assertThat(count(home, "select * from quarantine where resolution = 'duplicate' and unit_code = 'VP.VT' "
                + "and period = '2024' and indicator = 'made_official'")).isEqualTo(1);
    }

    private static void assertConserved(String summary) {
        Matcher m = ROWS.matcher(summary);
        assertThat(m.find()).as(summary).isTrue();
        assertThat(Long.parseLong(m.group(1))).isPositive()
                .isEqualTo(Long.parseLong(m.group(2)) + Long.parseLong(m.group(3)) + Long.parseLong(m.group(4)));
    }
}
