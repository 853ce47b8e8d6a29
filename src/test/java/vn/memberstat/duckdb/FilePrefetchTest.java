package vn.memberstat.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The background read starts only for a file that fits in half the available memory, and stops when closed. */
final class FilePrefetchTest {
    @TempDir
    Path temp;

    @Test
    void theAvailableMemoryIsReadFromMeminfo() {
        assertThat(FilePrefetch.parseAvailable(List.of("MemTotal:       24684160 kB", "MemFree:        19223396 kB",
                "MemAvailable:   23647748 kB", "Buffers:          123 kB"))).hasValue(23647748L * 1024);
        assertThat(FilePrefetch.parseAvailable(List.of("MemTotal:       24684160 kB"))).as("an old kernel without the line").isEmpty();
    }

    @Test
    void aFileLargerThanHalfTheAvailableMemoryIsLeftToBeReadOnDemand() throws IOException {
        Path file = temp.resolve("warehouse.duckdb");
        Files.write(file, new byte[3 << 20]);
        try (FilePrefetch prefetch = FilePrefetch.start(file, OptionalLong.of(5L << 20))) {
            assertThat(prefetch.running()).isFalse();
        }
        try (FilePrefetch prefetch = FilePrefetch.start(file, OptionalLong.empty())) {
            assertThat(prefetch.running()).as("memory unknown").isFalse();
        }
        try (FilePrefetch prefetch = FilePrefetch.start(temp.resolve("missing.duckdb"), OptionalLong.of(1L << 40))) {
            assertThat(prefetch.running()).as("no file yet, as before a first run").isFalse();
        }
    }

    @Test
    void aFileThatFitsIsReadToTheEndInTheBackground() throws IOException, InterruptedException {
        Path file = temp.resolve("warehouse.duckdb");
        Files.write(file, new byte[(3 << 20) + 17]);
        try (FilePrefetch prefetch = FilePrefetch.start(file, OptionalLong.of(1L << 30))) {
            for (int i = 0; i < 1000 && prefetch.running(); i++) {
                Thread.sleep(10);
            }
            assertThat(prefetch.running()).isFalse();
            assertThat(prefetch.bytesRead()).isEqualTo((3L << 20) + 17);
        }
    }
}
