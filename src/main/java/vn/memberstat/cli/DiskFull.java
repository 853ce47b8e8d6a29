package vn.memberstat.cli;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A run that ran out of disk space, in one line: which file system, how much is free and about how much the run
 * needs. Whichever library met the full disk (DuckDB, H2, Parquet, the JDK) says "No space left on device".
 */
final class DiskFull {
    /** Room beyond the files: the job repository, the log, DuckDB's temporary files. */
    private static final long WORKING_ROOM = 64L << 20;

    private DiskFull() {}

    static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("Disk quota exceeded")
                    || m.contains("File too large"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * "the file system of HOME (/mnt/x (tmpfs)) is full: 0.1 MB free; this run needs about 41 MB ...". The need:
     * the published warehouse twice (the working copy beside it), the inbox's files (an upper bound for the lake
     * and the run's files), and some working room.
     */
    static String message(Path home, Path inbox, String date) {
        long warehouse = size(home.resolve("warehouse.duckdb"));
        long files = inboxBytes(inbox);
        long need = 2 * warehouse + files + WORKING_ROOM;
        String store;
        long free;
        try {
            FileStore fs = Files.getFileStore(home);
            store = fs.toString();
            free = fs.getUsableSpace();
        } catch (IOException e) {
            store = "unknown";
            free = -1;
        }
        return "nightly %s: the file system of %s (%s) is full%s; this run needs about %s (twice the warehouse's %s, the inbox's %s, %s working room); free space and run again with --date %s"
                .formatted(date, home, store, free < 0 ? "" : ": " + mb(free) + " free", mb(need), mb(warehouse), mb(files),
                        mb(WORKING_ROOM), date);
    }

    private static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static long inboxBytes(Path inbox) {
        if (!Files.isDirectory(inbox)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(inbox)) {
            return files.filter(Files::isRegularFile).mapToLong(DiskFull::size).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    private static String mb(long bytes) {
        return "%.1f MB".formatted(bytes / 1048576.0);
    }
}
