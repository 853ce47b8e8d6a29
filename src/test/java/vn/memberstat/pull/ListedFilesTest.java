package vn.memberstat.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.duckdb.WorkingWarehouse;

class ListedFilesTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    @TempDir
    Path home;

    @Test
    void onlyFilesNoSubmissionHasAsTheyAreNowComeBackInPathOrderWithTheirExactTimes() throws Exception {
        Path root = Path.of("/inbox");
        Instant sent = Instant.parse("2025-06-05T02:03:04.123456789Z");   // 09:03:04.123 local, nanoseconds beyond
        try (WorkingWarehouse warehouse = new WorkingWarehouse(home, "200MB")) {
            try (Statement s = warehouse.connection().createStatement()) {
                // 50,000 files taken before; two of them have changed since: one in size, one in time
                s.execute("""
                        insert into dim_submission (submission_id, sha256, file_path, size_bytes, modified_at, pulled_at, run_id,
                                                    rows_read, rows_loaded, rows_quarantined, rows_duplicate)
                        select 's' || i, 'h' || i, 'm/' || lpad(i::varchar, 5, '0') || '.csv', 100,
                               timestamp '2025-06-05 09:03:04.123', timestamp '2025-06-06 01:00:00', 'r1', 40, 40, 0, 0
                        from range(50000) t(i)""");
            }
            List<InboxScanner.Found> changed = new java.util.ArrayList<>();
            List<Integer> batches = new java.util.ArrayList<>();
            long count;
            long changedCount;
            try (ListedFiles listing = new ListedFiles(warehouse::connection, root, ZONE)) {
                // several batches, listed from several threads as the scanner does
                IntStream.range(0, 50_000).parallel().forEach(i -> listing.accept(new InboxScanner.Found(
                        root.resolve("m/%05d.csv".formatted(i)), "m/%05d.csv".formatted(i), i == 17 ? 101 : 100,
                        i == 4242 ? sent.plusSeconds(60) : sent, null)));
                listing.accept(new InboxScanner.Found(Path.of("/archive/real.csv"), "b/link.csv", 5, sent, null));
                listing.accept(new InboxScanner.Found(root.resolve("a/out.csv"), "a/out.csv", 0, sent, Path.of("/etc/passwd")));
                changedCount = listing.forEachChanged(3, batch -> {
                    batches.add(batch.size());
                    changed.addAll(batch);
                });
                count = listing.count();
            }

            assertThat(count).isEqualTo(50_002);
            assertThat(changedCount).isEqualTo(4);
            assertThat(batches).as("handed over a batch at a time").containsExactly(3, 1);
            assertThat(changed).extracting(InboxScanner.Found::relativePath)
                    .containsExactly("a/out.csv", "b/link.csv", "m/00017.csv", "m/04242.csv");
            assertThat(changed.get(0).outsideTarget()).isEqualTo(Path.of("/etc/passwd"));
            assertThat(changed.get(0).path()).isEqualTo(root.resolve("a/out.csv"));
            assertThat(changed.get(1).path()).isEqualTo(Path.of("/archive/real.csv"));   // the target, as checked
            assertThat(changed.get(1).outsideTarget()).isNull();
            assertThat(changed.get(2).sizeBytes()).isEqualTo(101);
            assertThat(changed.get(2).modifiedAt()).isEqualTo(sent);
            assertThat(changed.get(3).modifiedAt()).isEqualTo(sent.plusSeconds(60));
            try (Statement s = warehouse.connection().createStatement();
                    var rs = s.executeQuery("select count(*) from duckdb_tables() where table_name like 'inbox_%'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the listing's tables are dropped").isZero();
            }
        }
    }
}
