package vn.memberstat.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.count;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;

/**
 * Quarantined values are read back for a retry a batch at a time (a nation's month waiting for its registry is
 * 2 million of them): every pending one once, none resolved, in the order quarantined.
 */
final class QuarantineRetryBatchTest {
    @TempDir
    Path temp;

    @Test
    void everyPendingValueOnceInBatches() throws Exception {
        Path inbox = Memberstat.copySample(temp.resolve("inbox"));
        Files.delete(inbox.resolve("registry/units.csv"));   // no unit known: every value waits in quarantine
        Path home = temp.resolve("home");
        assertThat(Memberstat.nightly(home, inbox, "2026-06-30").exitCode()).isZero();
        long pending = count(home, "select * from quarantine where not is_resolved and reason_code = 'UNKNOWN_UNIT'");
        assertThat(pending).isGreaterThan(200);

        List<QuarantineRetry.Row> rows = new ArrayList<>();
        long handed;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + home.resolve("work").resolve("warehouse.duckdb"))) {
            handed = QuarantineRetry.forEachPendingValue(c, 7, rows::add);
            assertThat(QuarantineRetry.pendingRegistry(c)).isEmpty();
        }

        assertThat(handed).isEqualTo(rows.size());
        // the other pending reasons (a future period, an ended unit) are retried too; a malformed value is not
        assertThat(rows).extracting(QuarantineRetry.Row::reason).allMatch(r -> r.retryable());
        assertThat(rows.stream().filter(r -> r.reason().name().equals("UNKNOWN_UNIT")).count()).isEqualTo(pending);
        assertThat(rows).extracting(QuarantineRetry.Row::key).doesNotHaveDuplicates().isSorted();
        assertThat(rows).allMatch(r -> r.headerLine() == null && r.unitCode() != null);
    }
}
