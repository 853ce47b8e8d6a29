package vn.memberstat.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.common.ReasonCode;

class PullManifestTest {
    @TempDir
    Path dir;

    @Test
    void roundTripKeepsEveryFieldAndOneCopyOfARecurringHeader() {
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

        PullManifest.write(manifest, files);
        List<PulledFile> read = PullManifest.read(manifest);

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
    }
}
