package vn.memberstat.publish;

import static vn.memberstat.publish.Units.UNIT;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One thread's view of the source. A stretch the page cache holds (the run has just read or written
 * it) is copied from there; any other is read with {@code O_DIRECT}, straight from the disk into this
 * process: the kernel neither allocates cache pages for it nor copies it, which on a 2-core machine
 * took more CPU than the checksums (a cold 5 GB read cost 6 s of system time through the cache, 0.4 s
 * direct), and a 5 GB file read once does not push the run's other files out of memory. Where the file
 * system refuses direct reads, everything goes through the cache.
 */
final class SourceReader implements AutoCloseable {
    /** Units per read: 4 MB (direct reads have no read-ahead: 8 readers of 4 MB kept this disk busiest). */
    static final int READ_UNITS = 64;
    private final long size;
    private final FileChannel cached;
    private FileChannel direct;
    private final ByteBuffer buffer;
    private final int alignment;
    private final boolean askCache;
    private MappedByteBuffer chunk;   // mapped only to ask which parts are in memory; never read through
    private long chunkStart;
    long directReads;

    SourceReader(Path source, long size, BlockMirror.Reads reads) throws IOException {
        this.size = size;
        this.askCache = reads == BlockMirror.Reads.DIRECT_UNLESS_CACHED;
        this.cached = FileChannel.open(source, StandardOpenOption.READ);
        int align = 1;
        if (reads != BlockMirror.Reads.CACHE) {
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
                Units.readAt(direct, at, length, (length + alignment - 1) / alignment * alignment, size, buffer);
                directReads++;
                return buffer;
            } catch (IOException e) {
                direct.close();   // a file system that opens for direct reads but refuses them: the cache from here on
                direct = null;
            }
        }
        Units.readAt(cached, at, length, length, size, buffer);
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
