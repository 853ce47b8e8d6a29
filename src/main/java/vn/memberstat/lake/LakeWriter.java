package vn.memberstat.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import vn.memberstat.run.NormalisedValue;
import vn.memberstat.run.ValueLake;
import vn.memberstat.parquet.ParquetRowWriter;
import vn.memberstat.run.LakeTables;

/**
 * Writes a run's normalised values into the Hive-partitioned lake, one file per year partition and
 * writing thread: {@code lake/values/year=2024/run-<run>.parquet}, then {@code run-<run>.1.parquet}...
 * for the threads that wrote at the same time. Encoding Parquet is most of the cost of a value, so
 * threads never wait for each other's files. Files are written as {@code *.parquet.tmp} and renamed by
 * {@link #commit}, so a reader of the lake never sees half a file.
 */
public final class LakeWriter implements ValueLake.Writer {
    public static final String TEMP_SUFFIX = ".tmp";
    private final Path root;
    private final String runId;
    /** Every part opened, in order; a part is used by one thread at a time. */
    private final List<Part> parts = new ArrayList<>();
    private final ConcurrentLinkedDeque<Part> idle = new ConcurrentLinkedDeque<>();

    public LakeWriter(Path root, String runId) {
        this.root = root;
        this.runId = runId;
    }

    /** The file of part 0 of a year; part {@code n} is {@code run-<run>.<n>.parquet}. */
    public static Path file(Path root, int year, String runId) {
        return file(root, year, runId, 0);
    }

    static Path file(Path root, int year, String runId, int part) {
        return root.resolve("year=" + year).resolve("run-" + runId + (part == 0 ? "" : "." + part) + ".parquet");
    }

    /** Writes the values to a part no other thread is writing; safe to call from many threads. */
    @Override
    public void write(List<NormalisedValue> values) {
        if (values.isEmpty()) {
            return;
        }
        Part part = idle.pollFirst();
        if (part == null) {
            synchronized (parts) {
                part = new Part(parts.size());
                parts.add(part);
            }
        }
        try {
            for (NormalisedValue v : values) {
                part.writers.computeIfAbsent(v.period().year(), part::open).write(LakeTables.valueRow(v));
            }
        } finally {
            idle.addFirst(part);
        }
    }

    private final class Part {
        final int number;
        final Map<Integer, ParquetRowWriter> writers = new TreeMap<>();

        Part(int number) {
            this.number = number;
        }

        ParquetRowWriter open(int year) {
            Path target = file(root, year, runId, number);
            try {
                Files.createDirectories(target.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create lake partition " + target.getParent(), e);
            }
            return new ParquetRowWriter(temp(target), LakeTables.VALUES);
        }
    }

    private static Path temp(Path target) {
        return target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
    }

    /** Closes the temporary files, once every writing thread is done; they stay temporary until {@link #commit}. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (ParquetRowWriter w : allWriters()) {
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

    private List<ParquetRowWriter> allWriters() {
        synchronized (parts) {
            return parts.stream().flatMap(p -> p.writers.values().stream()).toList();
        }
    }

    /** The years this run wrote, in order. */
    public List<Integer> years() {
        synchronized (parts) {
            return parts.stream().flatMap(p -> p.writers.keySet().stream()).distinct().sorted().toList();
        }
    }

    /** Renames the run's temporary files into place; returns the final files. Repeating it is harmless. */
    public static List<Path> commit(Path root, String runId) {
        for (Path temp : runFiles(root, runId, true)) {
            String name = temp.getFileName().toString();
            Path target = temp.resolveSibling(name.substring(0, name.length() - TEMP_SUFFIX.length()));
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot rename " + temp + " into place", e);
            }
        }
        return files(root, runId);
    }

    /** Deletes the run's files, temporary or not, before the run writes them again. */
    public static void discard(Path root, String runId) {
        List<Path> all = new ArrayList<>(runFiles(root, runId, false));
        all.addAll(runFiles(root, runId, true));
        for (Path file : all) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + file, e);
            }
        }
    }

    /** The run's committed files, in year and part order. */
    public static List<Path> files(Path root, String runId) {
        return runFiles(root, runId, false);
    }

    /** The run's files of every part: {@code run-<run>.parquet} and {@code run-<run>.<n>.parquet}, or their temporary names. */
    private static List<Path> runFiles(Path root, String runId, boolean temporary) {
        String suffix = ".parquet" + (temporary ? TEMP_SUFFIX : "");
        String whole = "run-" + runId + suffix;
        String partPrefix = "run-" + runId + ".";
        List<Path> files = new ArrayList<>();
        for (Path partition : partitions(root)) {
            List<Path> found = new ArrayList<>();
            try (DirectoryStream<Path> dir = Files.newDirectoryStream(partition, "run-*")) {
                for (Path f : dir) {
                    String name = f.getFileName().toString();
                    if (name.equals(whole) || partOf(name, partPrefix, suffix) > 0) {
                        found.add(f);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list lake partition " + partition, e);
            }
            found.sort(Comparator.comparingInt(f -> partOf(f.getFileName().toString(), partPrefix, suffix)));
            files.addAll(found);
        }
        return files;
    }

    /** {@code n} of {@code run-<run>.<n><suffix>}; 0 for any other name. */
    private static int partOf(String name, String partPrefix, String suffix) {
        if (!name.startsWith(partPrefix) || !name.endsWith(suffix) || name.length() <= partPrefix.length() + suffix.length()) {
            return 0;
        }
        String middle = name.substring(partPrefix.length(), name.length() - suffix.length());
        return middle.length() < 6 && middle.chars().allMatch(Character::isDigit) ? Integer.parseInt(middle) : 0;
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
