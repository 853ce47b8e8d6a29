package vn.memberstat.publish;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * Makes one file a byte copy of another, writing only the 64 KB units whose checksums differ from the
 * ones recorded when the target was last written (its {@link Manifest}). A unit's checksum is its CRC-32C
 * and its CRC-32, 64 bits together. The source is read in full, by several threads each reading its own
 * 64 MB stretches in order through its own channel; what is written is only what changed, which for a
 * night's run on a large warehouse is a small part of the file.
 */
public final class BlockMirror {
    static final int UNIT = 64 * 1024;
    /** Units per task: 64 MB read in order by one thread (smaller tasks interleave the threads' reads, and halve the disk's speed). */
    private static final int CHUNK_UNITS = 1024;
    /** Units per read: 4 MB (direct reads have no read-ahead: 8 readers of 4 MB kept this disk busiest). */
    private static final int READ_UNITS = 64;
    /**
     * Threads reading the source. Reading is what a large file's mirroring waits on, not the checksums:
     * a cold 5.2 GB file took 3.4-6.3 s with 2 streams and 2.7-2.8 s with 8 on this project's virtual disk.
     * Each has its own channel, so the kernel's read-ahead follows each stream.
     */
    private static final int READERS = 8;
    private static final String MAGIC = "memberstat-blocks-1";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BlockMirror.class);

    private BlockMirror() {}

    /** What a file held when it was last written: its size and modified time, and one checksum per unit. */
    public record Manifest(long size, Instant modified, long[] sums) {

        /** The manifest stored at {@code manifestFile}, if it still describes {@code file}; empty otherwise. */
        public static Optional<Manifest> readFor(Path manifestFile, Path file) {
            try {
                if (!Files.isRegularFile(manifestFile) || !Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                Manifest m = read(manifestFile);
                if (m.size != Files.size(file) || !m.modified.equals(Files.getLastModifiedTime(file).toInstant())) {
                    return Optional.empty();
                }
                // the first and the last unit, read back: a cheap guard against a file replaced with the same size and time
                try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                    ByteBuffer buffer = ByteBuffer.allocateDirect(UNIT);
                    for (int unit : new int[] {0, m.sums.length - 1}) {
                        if (unit >= 0) {
                            long at = (long) unit * UNIT;
                            int length = (int) Math.min(UNIT, m.size - at);
                            readAt(in, at, length, length, m.size, buffer);
                            if (checksum(buffer) != m.sums[unit]) {
                                return Optional.empty();
                            }
                        }
                    }
                }
                return Optional.of(m);
            } catch (IOException | RuntimeException e) {
                return Optional.empty();   // unreadable or from another version: the caller copies in full
            }
        }

        private static Manifest read(Path manifestFile) throws IOException {
            try (InputStream raw = Files.newInputStream(manifestFile);
                 DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
                if (!MAGIC.equals(in.readUTF()) || in.readInt() != UNIT) {
                    throw new IOException("not a manifest of this version");
                }
                long size = in.readLong();
                Instant modified = Instant.ofEpochSecond(in.readLong(), in.readInt());
                int units = in.readInt();
                if (units != unitCount(size)) {
                    throw new IOException("unit count does not match the size");
                }
                long[] sums = new long[units];
                for (int i = 0; i < units; i++) {
                    sums[i] = in.readLong();
                }
                if (in.read() != -1) {
                    throw new IOException("trailing bytes");
                }
                return new Manifest(size, modified, sums);
            } catch (EOFException e) {
                throw new IOException("truncated", e);
            }
        }

        /** Writes the manifest next to its final name and renames it into place. */
        public void write(Path manifestFile) throws IOException {
            Path temp = manifestFile.resolveSibling(manifestFile.getFileName() + ".tmp");
            try (OutputStream raw = Files.newOutputStream(temp);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
                out.writeUTF(MAGIC);
                out.writeInt(UNIT);
                out.writeLong(size);
                out.writeLong(modified.getEpochSecond());
                out.writeInt(modified.getNano());
                out.writeInt(sums.length);
                for (long sum : sums) {
                    out.writeLong(sum);
                }
            }
            Files.move(temp, manifestFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
        int units = unitCount(size);
        long[] sums = new long[units];
        long[] old = previous == null ? new long[0] : previous.sums;
        AtomicLong written = new AtomicLong();
        AtomicLong directReads = new AtomicLong();
        AtomicInteger nextChunk = new AtomicInteger();
        int chunks = (units + CHUNK_UNITS - 1) / CHUNK_UNITS;
        int threads = Math.max(1, Math.min(READERS, chunks));
        ExecutorService readers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "publish-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                running.add(readers.submit(() -> {
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
                                    sums[unit] = checksum(slice);
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
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while mirroring " + source);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("mirroring " + source + " failed: " + e.getCause(), e.getCause());
        } finally {
            readers.shutdownNow();
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

    /**
     * One thread's view of the source. A stretch the page cache holds (the run has just read or written
     * it) is copied from there; any other is read with {@code O_DIRECT}, straight from the disk into this
     * process: the kernel neither allocates cache pages for it nor copies it, which on a 2-core machine
     * took more CPU than the checksums (a cold 5 GB read cost 6 s of system time through the cache, 0.4 s
     * direct), and a 5 GB file read once does not push the run's other files out of memory. Where the file
     * system refuses direct reads, everything goes through the cache.
     */
    private static final class SourceReader implements AutoCloseable {
        private final long size;
        private final FileChannel cached;
        private FileChannel direct;
        private final ByteBuffer buffer;
        private final int alignment;
        private final boolean askCache;
        private MappedByteBuffer chunk;   // mapped only to ask which parts are in memory; never read through
        private long chunkStart;
        long directReads;

        SourceReader(Path source, long size, Reads reads) throws IOException {
            this.size = size;
            this.askCache = reads == Reads.DIRECT_UNLESS_CACHED;
            this.cached = FileChannel.open(source, StandardOpenOption.READ);
            int align = 1;
            if (reads != Reads.CACHE) {
                try {
                    align = Math.toIntExact(Files.getFileStore(source).getBlockSize());
                    direct = FileChannel.open(source, StandardOpenOption.READ, ExtendedOpenOption.DIRECT);
                } catch (IOException | UnsupportedOperationException | ArithmeticException e) {
                    direct = null;   // tmpfs and some others: reads through the cache
                    align = 1;
                }
            }
            this.alignment = align;
            this.buffer = ByteBuffer.allocateDirect(READ_UNITS * UNIT + align).alignedSlice(align);
        }

        void startChunk(long at, long length) {
            chunkStart = at;
            chunk = null;
            if (direct != null && askCache) {
                try {
                    chunk = cached.map(FileChannel.MapMode.READ_ONLY, at, Math.min(length, size - at));
                } catch (IOException | UnsupportedOperationException e) {
                    chunk = null;   // cannot ask the cache: the stretch is read from the disk
                }
            }
        }

        /** Units {@code first..first+count}, in a buffer positioned at the first and limited after the last. */
        ByteBuffer read(int first, int count) throws IOException {
            long at = (long) first * UNIT;
            int length = (int) Math.min((long) count * UNIT, size - at);
            if (direct != null && (chunk == null || !chunk.slice((int) (at - chunkStart), length).isLoaded())) {
                try {
                    readAt(direct, at, length, (length + alignment - 1) / alignment * alignment, size, buffer);
                    directReads++;
                    return buffer;
                } catch (IOException e) {
                    direct.close();   // a file system that opens for direct reads but refuses them: the cache from here on
                    direct = null;
                }
            }
            readAt(cached, at, length, length, size, buffer);
            return buffer;
        }

        @Override
        public void close() throws IOException {
            try (FileChannel c = cached) {
                if (direct != null) {
                    direct.close();
                }
            }
        }
    }

    /**
     * Reads {@code length} bytes at {@code at} into {@code buffer}, asking for {@code request} (a multiple of
     * the alignment for direct reads, so it may run past the end), and leaves it flipped to hold the {@code length}.
     */
    private static void readAt(FileChannel in, long at, int length, int request, long size, ByteBuffer buffer) throws IOException {
        buffer.clear().limit(request);
        while (buffer.position() < length) {
            if (in.read(buffer, at + buffer.position()) < 0) {
                throw new IOException("the file ended before its size, " + size + " bytes, while being read");
            }
        }
        buffer.flip().limit(length);
    }

    private static int unitCount(long size) {
        return Math.toIntExact((size + UNIT - 1) / UNIT);
    }

    /** The checksum of the bytes between {@code unit}'s position and limit, which it leaves as they were. */
    private static long checksum(ByteBuffer unit) {
        CRC32C castagnoli = new CRC32C();
        castagnoli.update(unit.duplicate());
        CRC32 ieee = new CRC32();
        ieee.update(unit.duplicate());
        return castagnoli.getValue() << 32 | ieee.getValue();
    }
}
