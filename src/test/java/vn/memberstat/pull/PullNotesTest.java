package vn.memberstat.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.run.PullManifest;
import vn.memberstat.run.PulledFile;

/** The pull's notes come out in path order, whatever order the threads noted them in, and leave no scratch file. */
final class PullNotesTest {
    @TempDir
    Path dir;

    @Test
    void notesFromManyThreadsComeOutInPathOrderWithTheFileACopyRepeats() throws Exception {
        Path manifest = dir.resolve("pulled.csv");
        try (PullManifest.Writer writer = PullManifest.writer(manifest)) {
            // a header with the separators and quotes a report form may have, which the manifest's reader must get past
            writer.add(new PulledFile(dir, "2025-05/Hà Nội/bao-cao, \"gốc\".csv", null, 10, Instant.EPOCH, "a".repeat(64), "UTF-8", 3,
                    null, null, "Đơn vị;Kỳ;\"Tổng số, kết nạp\";Ghi chú"));
            writer.add(new PulledFile(dir, "2025-05/other.csv", null, 10, Instant.EPOCH, "b".repeat(64), "UTF-8", 0,
                    null, null, "unit_code,period,indicator,category,value,comment"));
            writer.commit();
        }
        List<String> expected = new ArrayList<>();
        List<String[]> noted = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            // paths in an order of their own, with the characters a CSV must quote
            String path = "%05d/ủy ban, \"%d\".csv".formatted((i * 7919) % 20_000, i);
            noted.add(new String[] {path, i % 1000 == 0 ? null : "left " + path + " for the next run"});
        }
        try (PullNotes notes = new PullNotes(dir.resolve("run"))) {
            IntStream.range(0, 4).parallel().forEach(t -> {
                for (int i = t; i < noted.size(); i += 4) {
                    String[] n = noted.get(i);
                    if (n[1] == null) {
                        notes.sameContent(n[0], "aaaaaaaaaaaaaaaa");
                    } else {
                        notes.note(n[0], n[1]);
                    }
                }
            });
            noted.stream().sorted(Comparator.comparing((String[] n) -> n[0])).forEach(n -> expected.add(n[1] != null ? n[1]
                    : "skipped " + n[0] + ": same content as 2025-05/Hà Nội/bao-cao, \"gốc\".csv, taken once"));
            assertThat(notes.count()).isEqualTo(20_000);
            List<String> written = new ArrayList<>();

            long count;
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
                count = notes.writeSorted(c, manifest, written::add);
            }

            assertThat(count).isEqualTo(20_000);
            assertThat(written).containsExactlyElementsOf(expected);
        }
        assertThat(dir.resolve("run")).as("the scratch files are deleted").isEmptyDirectory();
    }

    @Test
    void notesOfOnePathKeepTheOrderNotedAndNoNotesWriteNothing() throws Exception {
        List<String> written = new ArrayList<>();
        try (PullNotes notes = new PullNotes(dir.resolve("run"));
                Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            notes.note("b.csv", "second of b");
            notes.note("a.csv", "a");
            notes.note("b.csv", "third of b");

            notes.writeSorted(c, dir.resolve("no-manifest.csv"), written::add);
        }
        assertThat(written).as("the manifest is not read when no note needs it").containsExactly("a", "second of b", "third of b");

        try (PullNotes none = new PullNotes(dir.resolve("run2"));
                Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            assertThat(none.writeSorted(c, dir.resolve("no-manifest.csv"), written::add)).isZero();
        }
        assertThat(dir.resolve("run2")).isEmptyDirectory();
    }
}
