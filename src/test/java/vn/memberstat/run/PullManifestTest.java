package vn.memberstat.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.common.HeaderNumbers;
import vn.memberstat.common.ReasonCode;

class PullManifestTest {
    @TempDir
    Path dir;

    @Test
    void roundTripKeepsEveryFieldAndOneCopyOfARecurringHeader() throws Exception {
        List<PulledFile> files = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // each its own String, as each file's inspection decodes its own
            String header = new String("Tổng số đảng viên kết nạp - Tổng số;Ghi chú");
            String sha = "%064x".formatted(i + 1);
            files.add(new PulledFile(dir, "u" + i + ".csv", null, 100 + i,
                    Instant.parse("2025-02-0" + (i + 5) + "T01:02:03Z"), sha, "UTF-8", 3, null, null, header));
        }
        String sha = "f".repeat(64);
        files.add(new PulledFile(dir, "sub/big.csv", null, 9, Instant.EPOCH, sha, null, 0,
                ReasonCode.TOO_LARGE, "file has 9 bytes; the limit is 8, \"quoted\"", null));
        // a link inside the inbox: its target, as checked when pulled, is what is read
        String linked = "e".repeat(64);
        files.add(new PulledFile(dir, "2025-01/link.csv", dir.resolve("archive/real.csv"), 7, Instant.EPOCH, linked, "UTF-8", 0,
                null, null, null));
        Path manifest = dir.resolve("pulled.csv");

        write(manifest, files);
        List<PulledFile> read = read(manifest);

        assertThat(read).isEqualTo(files);
        assertThat(read.get(1).headerLine()).isSameAs(read.get(0).headerLine());
        assertThat(read.get(2).headerLine()).isSameAs(read.get(0).headerLine());
        assertThat(read.get(3).refusal()).isEqualTo(ReasonCode.TOO_LARGE);
        assertThat(read.get(3).headerLine()).isNull();
        assertThat(read.get(3).path()).isEqualTo(dir.resolve("sub/big.csv"));
        assertThat(read.get(3).submissionId()).isEqualTo("ffffffffffffffff");
        assertThat(read.get(3).inbox()).isSameAs(read.get(0).inbox());
        assertThat(read.get(4).path()).isEqualTo(dir.resolve("archive/real.csv"));
        assertThat(read.get(4).relativePath()).isEqualTo("2025-01/link.csv");
        assertThat(occurrences(manifest, "Tổng số đảng viên")).as("the recurring header is not repeated per file").isZero();
        assertThat(occurrences(HeaderNumbers.companionOf(manifest), "Tổng số đảng viên")).isEqualTo(1);
    }

    @Test
    void aManifestWrittenBeforeHeaderNumbersStillReads() throws Exception {
        Path manifest = dir.resolve("pulled.csv");
        Files.writeString(manifest, """
                submission_id,relative_path,path,size_bytes,modified_at,sha256,charset,bom_bytes,refusal,refusal_detail,header_line,inbox
                0297c65af8492391,2025-01/a.csv,%s/2025-01/a.csv,1909,2025-02-06T11:24:00Z,%s,UTF-8,0,,,"unit_code,period,value"
                """.formatted(dir, "0297c65af8492391" + "0".repeat(48), dir));

        List<PulledFile> read = read(manifest);

        assertThat(read).singleElement().satisfies(f -> {
            assertThat(f.headerLine()).isEqualTo("unit_code,period,value");
            assertThat(f.path()).isEqualTo(dir.resolve("2025-01/a.csv"));
            assertThat(f.sizeBytes()).isEqualTo(1909);
        });
    }

    @Test
    void aManifestNotCommittedLeavesNoFile() {
        Path manifest = dir.resolve("pulled.csv");
        try (PullManifest.Writer writer = PullManifest.writer(manifest)) {
            writer.add(new PulledFile(dir, "a.csv", null, 1, Instant.EPOCH, "a".repeat(64), "UTF-8", 0, null, null, "x,y"));
            // the run fails here
        }
        assertThat(dir).isEmptyDirectory();
    }

    private static void write(Path manifest, List<PulledFile> files) {
        try (PullManifest.Writer writer = PullManifest.writer(manifest)) {
            files.forEach(writer::add);
            writer.commit();
        }
    }

    private static List<PulledFile> read(Path manifest) {
        List<PulledFile> files = new ArrayList<>();
        PullManifest.forEach(manifest, files::add);
        return files;
    }

    private static int occurrences(Path file, String text) throws Exception {
        return Files.readString(file).split(java.util.regex.Pattern.quote(text), -1).length - 1;
    }
}
