package vn.memberstat.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.count;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;

/**
 * Quarantined values are read back for a retry through a file DuckDB writes (a nation's month waiting for its
 * registry is 2 million of them): every pending one once, none resolved, in the order quarantined, each field
 * as stored, a missing comment still missing.
 */
final class QuarantineRetryReadTest {
    @TempDir
    Path temp;

    @Test
    void everyPendingValueOnceAsStored() throws Exception {
        Path inbox = Memberstat.copySample(temp.resolve("inbox"));
        Files.delete(inbox.resolve("registry/units.csv"));   // no unit known: every value waits in quarantine
        Path home = temp.resolve("home");
        assertThat(Memberstat.nightly(home, inbox, "2026-06-30").exitCode()).isZero();
        long pending = count(home, "select * from quarantine where not is_resolved and reason_code = 'UNKNOWN_UNIT'");
        assertThat(pending).isGreaterThan(200);

        Path scratch = temp.resolve("retry.csv");
        List<QuarantineRetry.Row> rows = new ArrayList<>();
        List<String> stored = new ArrayList<>();
        long handed;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + home.resolve("work").resolve("warehouse.duckdb"))) {
            handed = QuarantineRetry.forEachPendingValue(c, scratch, rows::add);
            assertThat(QuarantineRetry.pendingRegistry(c)).isEmpty();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                    select quarantine_key, submission_id, line_number, unit_code, period, indicator, category, value_text,
                           comment, reason_code
                    from quarantine_row where quarantine_key in (select quarantine_key from quarantine_row where not is_resolved)
                    order by quarantine_key""")) {
                while (rs.next()) {
                    stored.add(String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), String.valueOf(rs.getString(9)),
                            rs.getString(10)));
                }
            }
        }

        assertThat(handed).isEqualTo(rows.size());
        assertThat(scratch).doesNotExist();
        // the other pending reasons (a future period, an ended unit) are retried too; a malformed value is not
        assertThat(rows).extracting(QuarantineRetry.Row::reason).allMatch(r -> r.retryable());
        assertThat(rows.stream().filter(r -> r.reason().name().equals("UNKNOWN_UNIT")).count()).isEqualTo(pending);
        assertThat(rows).extracting(QuarantineRetry.Row::key).doesNotHaveDuplicates().isSorted();
        assertThat(rows).allMatch(r -> r.headerLine() == null && r.unitCode() != null);
        // every field as the warehouse holds it; rows without a comment and rows with one both occur
        assertThat(rows).extracting(QuarantineRetryReadTest::fields).isSubsetOf(stored);
        assertThat(rows).anyMatch(r -> r.comment() == null).anyMatch(r -> r.comment() != null);
    }

    private static String fields(QuarantineRetry.Row r) {
        return String.join("|", String.valueOf(r.key()), r.submissionId(), String.valueOf(r.lineNumber()), r.unitCode(),
                r.period(), r.indicator(), r.category(), r.valueText(), String.valueOf(r.comment()), r.reason().name());
    }
}
