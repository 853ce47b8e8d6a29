package vn.memberstat.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.memberstat.normalise.NormalisedValue;

/**
 * Writes a run's normalised values into the Hive-partitioned lake, one file per year partition:
 * {@code lake/values/year=2024/run-<run>.parquet}. Files are written as {@code *.parquet.tmp} and
 * renamed by {@link #commit}, so a reader of the lake never sees half a file.
 */
public final class LakeWriter implements AutoCloseable {
    public static final String TEMP_SUFFIX = ".tmp";
    private final Path root;
    private final String runId;
    private final Map<Integer, ParquetRowWriter> writers = new TreeMap<>();

    public LakeWriter(Path root, String runId) {
        this.root = root;
        this.runId = runId;
    }

    public static Path file(Path root, int year, String runId) {
        return root.resolve("year=" + year).resolve("run-" + runId + ".parquet");
    }

    public synchronized void write(List<NormalisedValue> values) {
        for (NormalisedValue v : values) {
            writers.computeIfAbsent(v.period().year(), this::open).write(LakeTables.valueRow(v));
        }
    }

    private ParquetRowWriter open(int year) {
        Path target = file(root, year, runId);
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create lake partition " + target.getParent(), e);
        }
        return new ParquetRowWriter(temp(target), LakeTables.VALUES);
    }

    private static Path temp(Path target) {
        return target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
    }

    /** Closes the temporary files; they stay temporary until {@link #commit}. */
    @Override
    public synchronized void close() {
        RuntimeException failure = null;
        for (ParquetRowWriter w : writers.values()) {
            try {
                w.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The years this run wrote. */
    public synchronized List<Integer> years() {
        return List.copyOf(writers.keySet());
    }

    /** Renames the run's temporary files into place; returns the final files. Repeating it is harmless. */
    public static List<Path> commit(Path root, String runId) {
        List<Path> committed = new ArrayList<>();
        for (Path partition : partitions(root)) {
            Path target = partition.resolve("run-" + runId + ".parquet");
            Path temp = temp(target);
            try {
                if (Files.exists(temp)) {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot rename " + temp + " into place", e);
            }
            if (Files.exists(target)) {
                committed.add(target);
            }
        }
        return committed;
    }

    /** Deletes the run's files, temporary or not, before the run writes them again. */
    public static void discard(Path root, String runId) {
        for (Path partition : partitions(root)) {
            Path target = partition.resolve("run-" + runId + ".parquet");
            try {
                Files.deleteIfExists(target);
                Files.deleteIfExists(temp(target));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + target, e);
            }
        }
    }

    /** The run's committed files, in year order. */
    public static List<Path> files(Path root, String runId) {
        List<Path> files = new ArrayList<>();
        for (Path partition : partitions(root)) {
            Path target = partition.resolve("run-" + runId + ".parquet");
            if (Files.exists(target)) {
                files.add(target);
            }
        }
        return files;
    }

    private static List<Path> partitions(Path root) {
        List<Path> partitions = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return partitions;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, "year=*")) {
            dirs.forEach(partitions::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list lake " + root, e);
        }
        partitions.sort(null);
        return partitions;
    }
}
