package vn.memberstat.publish;

import static vn.memberstat.publish.SourceReader.READ_UNITS;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import vn.memberstat.common.WorkerPool;

/**
 * Makes one file a byte copy of another, writing only the 64 KB units whose checksums differ from the
 * ones recorded when the target was last written (its {@link Manifest}). A unit's checksum is its CRC-32C
 * and its CRC-32, 64 bits together. The source is read in full, by several threads each reading its own
 * 64 MB stretches in order through its own channel; what is written is only what changed, which for a
 * night's run on a large warehouse is a small part of the file.
 */
public final class BlockMirror {
    static final int UNIT = Units.UNIT;
    /** Units per task: 64 MB read in order by one thread (smaller tasks interleave the threads' reads, and halve the disk's speed). */
    private static final int CHUNK_UNITS = 1024;
    /**
     * Threads reading the source. Reading is what a large file's mirroring waits on, not the checksums:
     * a cold 5.2 GB file took 3.4-6.3 s with 2 streams and 2.7-2.8 s with 8 on this project's virtual disk.
     * Each has its own channel, so the kernel's read-ahead follows each stream.
     */
    private static final int READERS = 8;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BlockMirror.class);

    private BlockMirror() {}

    /** What a file held when it was last written: its size and modified time, and one checksum per unit. */
    public record Manifest(long size, Instant modified, long[] sums) {

        /** The manifest stored at {@code manifestFile}, if it still describes {@code file}; empty otherwise. */
        public static Optional<Manifest> readFor(Path manifestFile, Path file) {
            return ManifestFile.readFor(manifestFile, file);
        }

        /** Writes the manifest next to its final name and renames it into place. */
        public void write(Path manifestFile) throws IOException {
            ManifestFile.write(this, manifestFile);
        }
    }

    /** How much one mirroring wrote. */
    public record Result(Manifest manifest, long unitsWritten) {
        public long bytesWritten() {
            return Math.min(unitsWritten * (long) UNIT, manifest.size);
        }
    }

    /**
     * Makes {@code target} (open for reading and writing) hold the bytes of the file {@code source}.
     * {@code previous} describes what {@code target} holds now; {@code null} writes every unit. Forces the
     * target to disk.
     */
    public static Result mirror(Path source, FileChannel target, Path targetFile, Manifest previous) throws IOException {
        return mirror(source, target, targetFile, previous, Reads.DIRECT_UNLESS_CACHED);
    }

    /** How the source is read (see {@link SourceReader}); only tests choose anything but the first. */
    enum Reads {
        /** What the page cache holds from there, the rest with direct reads. */
        DIRECT_UNLESS_CACHED,
        /** Everything through the page cache, as on a file system that refuses direct reads. */
        CACHE,
        /** Everything with direct reads. */
        DIRECT
    }

    static Result mirror(Path source, FileChannel target, Path targetFile, Manifest previous, Reads reads) throws IOException {
        long started = System.nanoTime();
        long size = Files.size(source);
        int units = Units.count(size);
        long[] sums = new long[units];
        long[] old = previous == null ? new long[0] : previous.sums;
        AtomicLong written = new AtomicLong();
        AtomicLong directReads = new AtomicLong();
        AtomicInteger nextChunk = new AtomicInteger();
        int chunks = (units + CHUNK_UNITS - 1) / CHUNK_UNITS;
        int threads = Math.max(1, Math.min(READERS, chunks));
        // each reader holds its own open source across the chunks it takes
        try (WorkerPool readers = new WorkerPool(threads)) {
            readers.map(IntStream.range(0, threads).boxed().toList(), reader -> {
                try (SourceReader in = new SourceReader(source, size, reads)) {
                    for (int chunk = nextChunk.getAndIncrement(); chunk < chunks; chunk = nextChunk.getAndIncrement()) {
                        int end = Math.min(units, (chunk + 1) * CHUNK_UNITS);
                        in.startChunk((long) chunk * CHUNK_UNITS * UNIT, (long) (end - chunk * CHUNK_UNITS) * UNIT);
                        for (int first = chunk * CHUNK_UNITS; first < end; first += READ_UNITS) {
                            int count = Math.min(READ_UNITS, end - first);
                            ByteBuffer buffer = in.read(first, count);
                            for (int k = 0; k < count; k++) {
                                int unit = first + k;
                                ByteBuffer slice = buffer.slice(k * UNIT, (int) Math.min(UNIT, size - (long) unit * UNIT));
                                sums[unit] = Units.checksum(slice);
                                if (unit >= old.length || old[unit] != sums[unit]) {
                                    long at = (long) unit * UNIT;
                                    while (slice.hasRemaining()) {
                                        at += target.write(slice, at);
                                    }
                                    written.incrementAndGet();
                                }
                            }
                        }
                    }
                    directReads.addAndGet(in.directReads);
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
                return null;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while mirroring " + source);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException e) {
            throw new IOException("mirroring " + source + " failed: " + e, e);
        }
        if (target.size() > size) {
            target.truncate(size);
        }
        long compared = System.nanoTime();
        target.force(true);
        log.info("mirror: {} read and compared in {} ms ({} of {} stretches of {} MB from the disk directly, the rest from memory), "
                + "{} units of 64 KB written and forced to disk in {} ms", source, (compared - started) / 1_000_000, directReads.get(),
                (units + READ_UNITS - 1) / READ_UNITS, READ_UNITS * UNIT >> 20, written.get(), (System.nanoTime() - compared) / 1_000_000);
        Instant modified = Files.getLastModifiedTime(targetFile).toInstant();
        return new Result(new Manifest(size, modified, sums), written.get());
    }

}
